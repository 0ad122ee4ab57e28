using System.Security.Claims;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Web.Hosting;

/// <summary>The signed-in user and client address of the current request, for audit entries and authorization.</summary>
internal sealed class CurrentActor : ICurrentActor
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    private readonly IHttpContextAccessor _accessor;

    public CurrentActor(IHttpContextAccessor accessor)
    {
        _accessor = accessor;
    }

    public ClaimsPrincipal User => _accessor.HttpContext?.User ?? Nobody;

    public Guid? UserId => User.UserId();

    public string? Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public Guid? OrganisationId => User.OrganisationId();

    public string? IpAddress => _accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
