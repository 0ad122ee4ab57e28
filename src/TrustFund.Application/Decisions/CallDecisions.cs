using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// What the Board's decisions on a call are checked against: the ranked applications, every decision
/// recorded so far (in the order recorded), and the envelope left for approvals once the increases
/// approved on the call's grants (budget revisions above a grant's amount) are taken out of it.
/// </summary>
internal static class CallDecisions
{
    /// <summary>The ranked lines of the call's ranking, best first, as the decision policy reads them.</summary>
    public static IReadOnlyList<RankedCandidate> Candidates(CallRanking ranking) =>
        [.. ranking.Lines
            .Where(l => l.Rank is not null)
            .Select(l => new RankedCandidate(l.ApplicationId, l.Reference ?? l.Title, Money.FromStored(l.AmountRequested ?? 0m), l.Eligible))];

    /// <summary>
    /// Every decision of <paramref name="sessions"/>, in the order recorded: by the day the session was
    /// held, then by the time the decision was recorded (a later session always decides after an earlier one).
    /// </summary>
    public static IReadOnlyList<PriorDecision> Prior(IEnumerable<BoardSession> sessions) =>
        [.. sessions
            .SelectMany(s => s.Decisions.Select(d => (Session: s, Decision: d)))
            .OrderBy(x => x.Session.HeldOn)
            .ThenBy(x => x.Decision.RecordedAtUtc)
            .ThenBy(x => x.Session.RecordedAtUtc)
            .Select(x => new PriorDecision(x.Decision.ApplicationId, x.Session.Id, x.Session.Number, x.Session.HeldOn, x.Decision.Outcome, x.Decision.Amount))];

    /// <summary>
    /// The envelope the decisions may still draw on: the call's envelope less what the call's grants
    /// (<paramref name="granted"/>, their amounts) hold beyond the amounts the Board approved.
    /// </summary>
    public static Money Envelope(Call call, decimal granted, IReadOnlyList<PriorDecision> decisions)
    {
        var increases = Math.Max(0m, granted - DecisionPolicy.ApprovedTotal(decisions).Amount);
        return Money.FromStored(Math.Max(0m, call.Terms.Envelope - increases));
    }

    /// <summary>What the call can still fund: its envelope less its grants' amounts (increases included) or the approvals, whichever is more.</summary>
    public static Money Uncommitted(Call call, decimal granted, IReadOnlyList<PriorDecision> decisions)
    {
        var committed = Math.Max(granted, DecisionPolicy.ApprovedTotal(decisions).Amount);
        return Money.FromStored(Math.Max(0m, call.Terms.Envelope - committed));
    }

    /// <summary>The sum of the amounts of the call's grants.</summary>
    public static async Task<decimal> GrantedAsync(ITrustFundDb db, Guid callId, CancellationToken cancellationToken)
    {
        var amounts = await db.Grants.AsNoTracking().Where(g => g.CallId == callId).Select(g => g.Amount).ToListAsync(cancellationToken);
        return amounts.Sum(a => a.Amount);
    }

    /// <summary>
    /// Claims the right to record a decision on the call: the call's ranking stamp is renewed only if it
    /// is still the one the person's page showed (<paramref name="seen"/>), in the caller's transaction.
    /// Every decision renews it, so two decisions taken on the same view of the envelope cannot both be
    /// recorded: the later one is refused as stale (its transaction waits for the first on the stamp's row).
    /// The renewal also tells the kept ranking that the applications' statuses changed.
    /// </summary>
    public static async Task ClaimAsync(ITrustFundDb db, Guid callId, Guid? seen, CancellationToken cancellationToken)
    {
        if (seen is null)
        {
            if (await db.CallReviewStamps.AnyAsync(s => s.CallId == callId, cancellationToken))
            {
                throw new StaleEditException(nameof(Call), callId);
            }

            db.CallReviewStamps.Add(CallReviewStamp.For(callId));
            return;
        }

        var fresh = Guid.NewGuid();
        var claimed = await db.CallReviewStamps
            .Where(s => s.CallId == callId && s.Stamp == seen.Value)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Stamp, fresh), cancellationToken);
        if (claimed != 1)
        {
            throw new StaleEditException(nameof(Call), callId);
        }
    }

    /// <summary>The call's ranking stamp as a page shows it (null before the call's first screening).</summary>
    public static Task<Guid?> StampAsync(ITrustFundDb db, Guid callId, CancellationToken cancellationToken) =>
        db.CallReviewStamps.AsNoTracking().Where(s => s.CallId == callId).Select(s => (Guid?)s.Stamp).FirstOrDefaultAsync(cancellationToken);
}
