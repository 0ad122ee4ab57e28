using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>What authorization needs to know of a grant: the organisation that holds it.</summary>
public sealed record GrantAccess(Guid OrganisationId)
{
    public static GrantAccess Of(Grant grant) => new(grant.OrganisationId);
}
