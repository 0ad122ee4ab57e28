using System.Globalization;
using System.Security.Claims;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Application.Tests.Infrastructure;

/// <summary>Who a slice test acts as: a user with roles (and an organisation for applicants), or nobody.</summary>
public sealed class TestActor : ICurrentActor
{
    public ClaimsPrincipal User { get; private set; } = new(new ClaimsIdentity());

    public Guid? UserId => User.UserId();

    public string? Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public Guid? OrganisationId => User.OrganisationId();

    public string? IpAddress => "127.0.0.1";

    /// <summary>Acts as <paramref name="user"/> with <paramref name="roles"/> from now on.</summary>
    public void SignIn(TrustFundUser user, params string[] roles)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Id.ToString()),
            new(ClaimTypes.Name, user.UserName ?? user.Email ?? string.Empty),
        };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (user.OrganisationId is { } organisation)
        {
            claims.Add(new Claim(UserClaims.Organisation, organisation.ToString("D", CultureInfo.InvariantCulture)));
        }

        User = new ClaimsPrincipal(new ClaimsIdentity(claims, "Test"));
    }
}
