using System.Security.Claims;
using TrustFund.Application.Common;

namespace TrustFund.Database.Tests.Engines;

/// <summary>A fixed actor for audit entries written by the tests.</summary>
public sealed record TestActor(Guid? UserId, string? Name, string? IpAddress) : ICurrentActor
{
    public ClaimsPrincipal User { get; } = new(new ClaimsIdentity());

    public Guid? OrganisationId => null;
}
