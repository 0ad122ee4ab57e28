using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace TrustFund.Application.Payments;

/// <summary>What someone may do with a grant's instalments and ledger; decided per record by <see cref="PaymentAccessHandler"/>.</summary>
public static class PaymentOperations
{
    /// <summary>See the schedule, the ledger and the balance: the Secretariat, and the grantee's own members.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>See the staff's side of an instalment (conditions, overrides, who requested and approved): fund managers and finance officers.</summary>
    public static readonly OperationAuthorizationRequirement Follow = new() { Name = nameof(Follow) };

    /// <summary>Request an instalment's release (fund managers).</summary>
    public static readonly OperationAuthorizationRequirement Release = new() { Name = nameof(Release) };

    /// <summary>Approve a release and write the ledger: payments, refunds, corrections, write-offs (finance officers).</summary>
    public static readonly OperationAuthorizationRequirement Settle = new() { Name = nameof(Settle) };

    /// <summary>Put an instalment on hold, take it off hold, or cancel it (fund managers and finance officers).</summary>
    public static readonly OperationAuthorizationRequirement Hold = new() { Name = nameof(Hold) };
}
