using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// The Board's decisions on a call, as fund managers record them: the call's sessions, its ranked
/// applications in rank order with where each stands (undecided, approved, reserve list, not approved,
/// deferred) and its decisions, and the envelope approved and left.
/// </summary>
public sealed record ShowDecisions(Guid CallId) : IUseCase<DecisionsPage>;

/// <summary>The call as the decisions pages show it.</summary>
public sealed record DecisionCall(Guid Id, string Code, string Title, CallStatus Status, Guid Version);

/// <summary>A Board session of the call.</summary>
public sealed record DecisionSession(Guid Id, string Number, DateOnly HeldOn, int Decisions, string RecordedBy);

/// <summary>One decision on an application, with the session that took it.</summary>
public sealed record DecisionEntry(
    Guid SessionId,
    Guid SessionVersion,
    string SessionNumber,
    DateOnly HeldOn,
    Guid DecisionId,
    DecisionOutcome Outcome,
    Money? Amount,
    string? Conditions,
    string? Justification,
    IReadOnlyList<PassedOver> PassedOver,
    string? Feedback,
    DateTime? FeedbackReleasedAtUtc,
    string RecordedBy,
    DateTime RecordedAtUtc);

/// <summary>A ranked application, where it stands and every decision on it (oldest first).</summary>
public sealed record DecisionLine(
    int Rank,
    Guid ApplicationId,
    string Label,
    string Title,
    string OrganisationName,
    Money Requested,
    bool BelowMinimum,
    DecisionStanding Standing,
    IReadOnlyList<DecisionEntry> History,
    Guid? GrantId,
    string? GrantNumber)
{
    public DecisionEntry? Latest => History.Count == 0 ? null : History[^1];
}

/// <summary>The decisions page of a call.</summary>
/// <param name="Stamp">The call's decision stamp the page was read under; a decision form carries it back.</param>
/// <param name="Envelope">The envelope the decisions draw on (the call's, less increases approved on its grants).</param>
/// <param name="Approved">The total approved so far.</param>
public sealed record DecisionsPage(
    DecisionCall Call,
    Guid? Stamp,
    Money Envelope,
    Money Approved,
    IReadOnlyList<DecisionSession> Sessions,
    IReadOnlyList<DecisionLine> Lines)
{
    public Money Remaining => Approved >= Envelope ? Money.Zero : Envelope - Approved;

    /// <summary>Ranked applications with no final decision yet (undecided or deferred).</summary>
    public int Open => Lines.Count(l => l.Standing is DecisionStanding.Undecided or DecisionStanding.Deferred);

    /// <summary>Whether the call can be marked as decided: closed, with a session and no application left undecided or deferred.</summary>
    public bool CanMarkDecided => Call.Status == CallStatus.Closed && Sessions.Count > 0 && Open == 0;
}

internal sealed class ShowDecisionsHandler : IUseCaseHandler<ShowDecisions, DecisionsPage>
{
    private readonly ITrustFundDb _db;
    private readonly IRankings _rankings;

    public ShowDecisionsHandler(ITrustFundDb db, IRankings rankings)
    {
        _db = db;
        _rankings = rankings;
    }

    public async Task<DecisionsPage> HandleAsync(ShowDecisions request, CancellationToken cancellationToken)
    {
        var board = await DecisionBoard.ReadAsync(_db, _rankings, request.CallId, cancellationToken);
        return board.Page();
    }
}

/// <summary>Everything the decisions pages read of a call: the call, its stamp, ranking, sessions and grants.</summary>
internal sealed record DecisionBoard(
    Call Call,
    Guid? Stamp,
    CallRanking Ranking,
    IReadOnlyList<BoardSession> Sessions,
    IReadOnlyDictionary<Guid, (Guid Id, string Number)> Grants,
    Money Envelope)
{
    public IReadOnlyList<PriorDecision> Decisions { get; } = CallDecisions.Prior(Sessions);

    public static async Task<DecisionBoard> ReadAsync(ITrustFundDb db, IRankings rankings, Guid callId, CancellationToken cancellationToken)
    {
        // The stamp first: anything that changes after it makes a form carrying it stale.
        var stamp = await CallDecisions.StampAsync(db, callId, cancellationToken);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken) ?? throw new NotFoundException();
        var ranking = await rankings.ReadAsync(callId, cancellationToken) ?? throw new NotFoundException();
        var sessions = await db.BoardSessions.AsNoTracking().Include(s => s.Decisions)
            .Where(s => s.CallId == callId)
            .ToListAsync(cancellationToken);
        var grants = await db.Grants.AsNoTracking()
            .Where(g => g.CallId == callId)
            .Select(g => new { g.ApplicationId, g.Id, g.Number, g.Amount })
            .ToListAsync(cancellationToken);
        var envelope = CallDecisions.Envelope(call, grants.Sum(g => g.Amount.Amount), CallDecisions.Prior(sessions));
        return new DecisionBoard(
            call,
            stamp,
            ranking,
            [.. sessions.OrderBy(s => s.HeldOn).ThenBy(s => s.RecordedAtUtc)],
            grants.ToDictionary(g => g.ApplicationId, g => (g.Id, g.Number)),
            envelope);
    }

    public DecisionCall CallModel => new(Call.Id, Call.Code, Call.Title, Call.Status, Call.Version);

    public Money Approved => DecisionPolicy.ApprovedTotal(Decisions);

    public DecisionsPage Page() => new(
        CallModel,
        Stamp,
        Envelope,
        Approved,
        [.. Sessions.Select(s => new DecisionSession(s.Id, s.Number, s.HeldOn, s.Decisions.Count, s.RecordedBy))],
        [.. Ranking.Lines.Where(l => l.Rank is not null).Select(Line)]);

    public DecisionLine? LineOf(Guid applicationId) =>
        Ranking.Lines.FirstOrDefault(l => l.ApplicationId == applicationId && l.Rank is not null) is { } line ? Line(line) : null;

    private DecisionLine Line(RankedApplication line)
    {
        var history = Sessions
            .SelectMany(s => s.Decisions.Where(d => d.ApplicationId == line.ApplicationId).Select(d => (Session: s, Decision: d)))
            .OrderBy(x => x.Session.HeldOn)
            .ThenBy(x => x.Decision.RecordedAtUtc)
            .Select(x => new DecisionEntry(
                x.Session.Id,
                x.Session.Version,
                x.Session.Number,
                x.Session.HeldOn,
                x.Decision.Id,
                x.Decision.Outcome,
                x.Decision.Amount,
                x.Decision.Conditions,
                x.Decision.Justification,
                x.Decision.PassedOver,
                x.Decision.Feedback,
                x.Decision.FeedbackReleasedAtUtc,
                x.Decision.RecordedBy,
                x.Decision.RecordedAtUtc))
            .ToList();
        var grant = Grants.TryGetValue(line.ApplicationId, out var g) ? g : ((Guid Id, string Number)?)null;
        return new DecisionLine(
            line.Rank!.Value,
            line.ApplicationId,
            line.Reference ?? line.Title,
            line.Title,
            line.OrganisationName,
            Money.FromStored(line.AmountRequested ?? 0m),
            line.BelowMinimum,
            DecisionPolicy.StandingOf(line.ApplicationId, Decisions),
            history,
            grant?.Id,
            grant?.Number);
    }
}
