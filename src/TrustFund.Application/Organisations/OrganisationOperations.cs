using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Organisations;

/// <summary>What someone may do with an organisation; decided per record by <see cref="OrganisationAccessHandler"/>.</summary>
public static class OrganisationOperations
{
    /// <summary>Act for the organisation: its profile, bank account, documents and members (its own members).</summary>
    public static readonly OperationAuthorizationRequirement ActFor = new() { Name = nameof(ActFor) };

    /// <summary>See the whole organisation, decide on its verification and verify its bank account (the Secretariat).</summary>
    public static readonly OperationAuthorizationRequirement Verify = new() { Name = nameof(Verify) };
}
