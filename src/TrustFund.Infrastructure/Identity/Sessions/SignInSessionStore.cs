using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>
/// Keeps the sign-in cookie's ticket in the database (<see cref="SignInSessions"/>): the cookie holds
/// only a random key. The ticket is serialized with the framework's <see cref="TicketSerializer"/> and
/// protected with Data Protection (purpose <see cref="ProtectionPurposes.SignInSessions"/>), since it
/// holds the account's claims. Each signed-in request reads one row by the key's hash; a row is written
/// only at sign-in and when the cookie handler renews the ticket (at each security-stamp check, about
/// once a minute of use, or past half the idle time).
/// </summary>
public sealed class SignInSessionStore : ITicketStore
{
    private const string ReplacedKeyItem = "TrustFund.SignInSessions.ReplacedKey";
    private readonly IDataProtector _protector;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _absoluteLimit;

    /// <param name="absoluteLimit">Longest a session lasts however active; the row expires then at the latest.</param>
    public SignInSessionStore(IDataProtectionProvider dataProtection, TimeProvider clock, TimeSpan absoluteLimit)
    {
        _protector = dataProtection.CreateProtector(ProtectionPurposes.SignInSessions);
        _clock = clock;
        _absoluteLimit = absoluteLimit;
    }

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = _clock.GetUtcNow().UtcDateTime;
        var key = System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var session = new SignInSession
        {
            Id = Guid.NewGuid(),
            KeyHash = Hash(key),
            UserId = UserIdOf(ticket),
            CreatedAtUtc = now,
            LastSeenAtUtc = now,
            ExpiresAtUtc = ExpiryOf(ticket, now),
            Device = DeviceDescription.Of(httpContext.Request.Headers.UserAgent.ToString()),
            ClientAddress = ClientAddressOf(httpContext),
            Ticket = Protect(ticket),
        };
        var replaced = httpContext.Items[ReplacedKeyItem] as string;
        await Sessions(httpContext).StartAsync(session, replaced is null ? null : Hash(replaced), cancellationToken);
        return key;
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (httpContext.GetEndpoint()?.Metadata.GetMetadata<SignInPageAttribute>() is not null)
        {
            httpContext.Items[ReplacedKeyItem] = key;
            return null;
        }

        var session = await Sessions(httpContext).FindAsync(Hash(key), cancellationToken);
        if (session is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
        }
        catch (CryptographicException)
        {
            // Protected with a key the ring no longer holds: the session cannot be read, so it ends.
            await Sessions(httpContext).EndAsync(session.KeyHash, cancellationToken);
            return null;
        }
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        ArgumentNullException.ThrowIfNull(httpContext);

        // The handler renews only the session it read in this request.
        var sessions = Sessions(httpContext);
        if (sessions.Current is not { } current || !CryptographicOperations.FixedTimeEquals(current.KeyHash, Hash(key)))
        {
            return Task.CompletedTask;
        }

        return sessions.RenewAsync(current.Id, UserIdOf(ticket), Protect(ticket), ExpiryOf(ticket, current.CreatedAtUtc), cancellationToken);
    }

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return Sessions(httpContext).EndAsync(Hash(key), cancellationToken);
    }

    // The cookie handler calls the overloads that take the request; these serve nothing else.
    public Task<string> StoreAsync(AuthenticationTicket ticket) => throw RequestNeeded();

    public Task RenewAsync(string key, AuthenticationTicket ticket) => throw RequestNeeded();

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => throw RequestNeeded();

    public Task RemoveAsync(string key) => throw RequestNeeded();

    private static SignInSessions Sessions(HttpContext httpContext) =>
        httpContext.RequestServices.GetRequiredService<SignInSessions>();

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("A signed-in session needs the account's id.");

    private static string? ClientAddressOf(HttpContext httpContext)
    {
        var address = httpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return null;
        }

        var text = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();
        return text.Length <= SignInSession.ClientAddressMaxLength ? text : text[..SignInSession.ClientAddressMaxLength];
    }

    private static NotSupportedException RequestNeeded() =>
        new("Signed-in sessions are read and written for a request.");

    /// <summary>The idle expiry the ticket carries, never later than the absolute limit from the sign-in.</summary>
    private DateTime ExpiryOf(AuthenticationTicket ticket, DateTime signedInAtUtc)
    {
        var absolute = signedInAtUtc + _absoluteLimit;
        var idle = ticket.Properties.ExpiresUtc?.UtcDateTime ?? absolute;
        return idle < absolute ? idle : absolute;
    }

    private byte[] Protect(AuthenticationTicket ticket) =>
        _protector.Protect(TicketSerializer.Default.Serialize(ticket));
}
