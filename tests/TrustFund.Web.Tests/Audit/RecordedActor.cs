using System.Security.Claims;
using TrustFund.Application.Common;

namespace TrustFund.Web.Tests.Audit;

/// <summary>An actor chosen by a test, for audit entries written outside a request.</summary>
public sealed record RecordedActor(string? Name, string? IpAddress, Guid? UserId = null) : ICurrentActor
{
    public ClaimsPrincipal User { get; } = new(new ClaimsIdentity());

    public Guid? OrganisationId => null;
}
