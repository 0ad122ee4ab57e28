using System.Globalization;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// The ledger forms carry how many entries the page showed. An entry written since (by someone else,
/// or by the same form sent twice) refuses the new one, so an entry is never written twice by
/// mistake and nobody enters a refund or write-off without seeing the ledger as it is.
/// </summary>
internal static class LedgerStamp
{
    public static void Ensure(Grant grant, int? seenEntries)
    {
        var entries = grant.Ledger.Count;
        if (seenEntries != entries)
        {
            var last = entries == 0 ? null : grant.Ledger[^1];
            throw new RefusedException(last is null
                ? Problem.General("The ledger changed after you opened this page: nothing was recorded. Check it below and enter the entry again if it is still needed.")
                : Problem.General("The ledger changed after you opened this page ({0} recorded a {1} of {2}): nothing was recorded. Check the ledger below and enter the entry again if it is still needed.", last.By, last.Kind.ToString().ToLowerInvariant(), last.Amount.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
