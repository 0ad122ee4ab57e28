using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>What authorization needs to know of an application: whose it is, and whether it was ever submitted.</summary>
public sealed record ApplicationAccess(Guid OrganisationId, bool Submitted)
{
    public static ApplicationAccess Of(GrantApplication application) => new(application.OrganisationId, application.SubmittedAtUtc is not null);
}
