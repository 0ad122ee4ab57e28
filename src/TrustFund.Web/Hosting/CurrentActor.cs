using System.Security.Claims;
using TrustFund.Application.Common;

namespace TrustFund.Web.Hosting;

/// <summary>The signed-in user and client address of the current request, for audit entries.</summary>
internal sealed class CurrentActor : ICurrentActor
{
    private readonly IHttpContextAccessor _accessor;

    public CurrentActor(IHttpContextAccessor accessor)
    {
        _accessor = accessor;
    }

    public Guid? UserId =>
        Guid.TryParse(_accessor.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string? Name => _accessor.HttpContext?.User.Identity?.IsAuthenticated == true
        ? _accessor.HttpContext.User.Identity.Name
        : null;

    public string? IpAddress => _accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
}
