using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// The page where a fund manager records the Board's decision on one ranked application: where it
/// stands, its earlier decisions (with their feedback), the sessions that may still decide on it,
/// the decisions it may receive, the envelope left, and the higher-ranked applications an approval
/// would pass over (an approval that does needs a justification).
/// </summary>
public sealed record ShowDecisionForm(Guid CallId, Guid ApplicationId) : IUseCase<DecisionForm>;

/// <summary>The decision page of one application.</summary>
/// <param name="Sessions">The sessions that may decide on it now (none has yet, none held before its latest decision).</param>
/// <param name="Outcomes">The decisions it may receive, as its standing allows; none while its reviews are not complete.</param>
/// <param name="AwaitingReviews">Its reviews are not complete (it is not yet reviewed): the Board cannot decide on it yet.</param>
/// <param name="PassedOver">The higher-ranked eligible applications an approval now would leave unfunded.</param>
public sealed record DecisionForm(
    DecisionCall Call,
    Guid? Stamp,
    DecisionLine Line,
    Money Envelope,
    Money Approved,
    IReadOnlyList<DecisionSession> Sessions,
    IReadOnlyList<DecisionOutcome> Outcomes,
    IReadOnlyList<PassedOver> PassedOver,
    bool AwaitingReviews = false)
{
    public Money Remaining => Approved >= Envelope ? Money.Zero : Envelope - Approved;

    /// <summary>The most an approval may be for: the request, or what is left of the envelope if less.</summary>
    public Money MaximumApproval => Line.Requested <= Remaining ? Line.Requested : Remaining;
}

internal sealed class ShowDecisionFormHandler : IUseCaseHandler<ShowDecisionForm, DecisionForm>
{
    private readonly ITrustFundDb _db;
    private readonly IRankings _rankings;

    public ShowDecisionFormHandler(ITrustFundDb db, IRankings rankings)
    {
        _db = db;
        _rankings = rankings;
    }

    public async Task<DecisionForm> HandleAsync(ShowDecisionForm request, CancellationToken cancellationToken)
    {
        var board = await DecisionBoard.ReadAsync(_db, _rankings, request.CallId, cancellationToken);
        var line = board.LineOf(request.ApplicationId) ?? throw new NotFoundException();
        var latest = line.Latest;
        var sessions = board.Sessions
            .Where(s => s.Decisions.All(d => d.ApplicationId != line.ApplicationId) && (latest is null || s.HeldOn >= latest.HeldOn))
            .Select(s => new DecisionSession(s.Id, s.Number, s.HeldOn, s.Decisions.Count, s.RecordedBy))
            .ToList();
        var status = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == line.ApplicationId)
            .Select(a => a.Status)
            .SingleAsync(cancellationToken);
        var awaitingReviews = status is ApplicationStatus.Submitted or ApplicationStatus.InformationRequested or ApplicationStatus.Eligible or ApplicationStatus.UnderReview;
        var outcomes = awaitingReviews
            ? []
            : Enum.GetValues<DecisionOutcome>()
                .Where(o => DecisionPolicy.Transitions.Any(t => t.From == line.Standing && t.Action == DecisionPolicy.ActionOf(o)))
                .ToList();
        var passedOver = outcomes.Contains(DecisionOutcome.Approved)
            ? DecisionPolicy.PassedOverBy(line.ApplicationId, CallDecisions.Candidates(board.Ranking), board.Decisions)
            : [];
        return new DecisionForm(board.CallModel, board.Stamp, line, board.Envelope, board.Approved, sessions, outcomes, passedOver, awaitingReviews);
    }
}
