using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Concerns;

/// <summary>What someone may do with the concerns against an organisation; decided by <see cref="ConcernAccessHandler"/>.</summary>
public static class ConcernOperations
{
    /// <summary>Read the concerns and their notes: Secretariat staff (fund managers, finance officers, administrators).</summary>
    public static readonly OperationAuthorizationRequirement Read = new() { Name = nameof(Read) };

    /// <summary>Open a concern or close one with its outcome: fund managers.</summary>
    public static readonly OperationAuthorizationRequirement Record = new() { Name = nameof(Record) };
}
