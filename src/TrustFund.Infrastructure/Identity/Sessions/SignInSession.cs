namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>
/// One signed-in session of an account, kept on the server: the session cookie carries only a random
/// key, whose SHA-256 hash finds this row. Deleting the row ends the session at once, whatever copies
/// of the cookie exist.
/// </summary>
public sealed class SignInSession
{
    public const int DeviceMaxLength = 100;
    public const int ClientAddressMaxLength = 45;

    /// <summary>Names the session on the sessions page and in forms; it is not the cookie's key.</summary>
    public Guid Id { get; set; }

    /// <summary>SHA-256 of the key the cookie carries.</summary>
    public byte[] KeyHash { get; set; } = [];

    public Guid UserId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>When the session was last used, renewed at most about once a minute.</summary>
    public DateTime LastSeenAtUtc { get; set; }

    /// <summary>The earlier of the idle limit (renewed with use) and the absolute limit.</summary>
    public DateTime ExpiresAtUtc { get; set; }

    /// <summary>A short description of the browser and system it was signed in from.</summary>
    public string Device { get; set; } = string.Empty;

    /// <summary>The client address it was signed in from, as the app sees it behind configured proxies.</summary>
    public string? ClientAddress { get; set; }

    /// <summary>The authentication ticket (claims and properties), serialized and protected with Data Protection.</summary>
    public byte[] Ticket { get; set; } = [];
}
