using System.Security.Claims;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;

namespace TrustFund.Application.Tests.Organisations;

/// <summary>The fixture's actor, or another user for the current asynchronous flow (two people acting at once).</summary>
public sealed class FlowActor : ICurrentActor
{
    private readonly AsyncLocal<ClaimsPrincipal?> _override = new();
    private readonly Func<TestActor> _actor;

    public FlowActor(Func<TestActor> actor)
    {
        _actor = actor;
    }

    public ClaimsPrincipal User => _override.Value ?? _actor().User;

    public Guid? UserId => User.UserId();

    public string? Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

    public Guid? OrganisationId => User.OrganisationId();

    public string? IpAddress => "127.0.0.1";

    /// <summary>Acts as <paramref name="user"/> in this flow (and the tasks it starts).</summary>
    public void ActAs(ClaimsPrincipal user) => _override.Value = user;
}
