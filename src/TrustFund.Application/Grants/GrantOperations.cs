using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Grants;

/// <summary>What someone may do with a grant; decided per record by <see cref="GrantAccessHandler"/>.</summary>
public static class GrantOperations
{
    /// <summary>See the grant: its agreement, amendments, schedule and history.</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Ask for an amendment: the grantee's members and fund managers.</summary>
    public static readonly OperationAuthorizationRequirement RequestAmendment = new() { Name = nameof(RequestAmendment) };

    /// <summary>Record signatures, suspend, resume, decide amendments, close: the Secretariat's acts.</summary>
    public static readonly OperationAuthorizationRequirement Manage = new() { Name = nameof(Manage) };
}
