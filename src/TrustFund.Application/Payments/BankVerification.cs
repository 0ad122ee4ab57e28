using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Payments;

/// <summary>
/// The grant's "bank details verified" condition and the organisation's verification of its bank
/// account. The organisation's verification is cleared by any change of its details; the grant's is
/// cleared when they change after its last payment (<see cref="Grant.NoteBankDetailsChanged"/>). A
/// grant awarded after the details were verified takes that verification over.
/// </summary>
internal static class BankVerification
{
    /// <summary>Whether the organisation's current details were verified after the grant's last payment.</summary>
    public static bool OrganisationVerifiedFor(Grant grant, BankDetails? bank) =>
        bank is { Verified: true, VerifiedAtUtc: { } at } && (grant.LastPaymentAtUtc is null || at > grant.LastPaymentAtUtc);

    /// <summary>Whether the condition is met, or would be once <see cref="CatchUpAsync"/> ran.</summary>
    public static bool IsVerified(Grant grant, BankDetails? bank) => grant.BankDetailsVerified || OrganisationVerifiedFor(grant, bank);

    /// <summary>Gives the grant the organisation's verification when it lacks it; returns whether it did.</summary>
    public static async Task<bool> CatchUpAsync(ITrustFundDb db, Grant grant, CancellationToken cancellationToken)
    {
        if (grant.BankDetailsVerified)
        {
            return false;
        }

        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == grant.OrganisationId, cancellationToken);
        if (!OrganisationVerifiedFor(grant, organisation.Bank))
        {
            return false;
        }

        grant.RecordBankDetailsVerified(organisation.Bank!.VerifiedBy ?? "system", organisation.Bank.VerifiedAtUtc!.Value);
        return true;
    }
}
