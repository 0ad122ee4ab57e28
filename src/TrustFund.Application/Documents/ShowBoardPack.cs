using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Documents;

/// <summary>
/// The pack the Board reads before deciding on a call: the whole ranking (raw and normalised scores,
/// spread, flags) with the envelope's cut line, how screening went, the conflicts log and the decisions
/// recorded so far. Anonymised, reviewers are "Reviewer 1", "Reviewer 2"... in order of appearance,
/// the same name for the same person throughout. For fund managers only (the controller's policy).
/// </summary>
public sealed record ShowBoardPack(Guid CallId, bool Anonymise = false) : IUseCase<BoardPack>;

/// <summary>What the board pack prints.</summary>
/// <param name="AwaitingScreening">Submitted applications with no screening outcome yet (withdrawn ones are not counted).</param>
public sealed record BoardPack(
    CallRanking Ranking,
    string TimeZoneId,
    int Eligible,
    int Ineligible,
    int AwaitingScreening,
    ConflictsLog Conflicts,
    IReadOnlyList<BoardPackDecision> Decisions,
    bool Anonymised)
{
    public RankingCall Call => Ranking.Call;

    /// <summary>Requested by every line counted against the envelope, whatever the cut.</summary>
    public decimal RequestedInRanking => Ranking.Lines.Where(l => l.Cumulative is not null).Sum(l => l.AmountRequested ?? 0m);

    /// <summary>Requested by the lines the envelope covers.</summary>
    public decimal RequestedWithinEnvelope => Ranking.Lines.Where(l => l.Cumulative is not null && l.WithinEnvelope).Sum(l => l.AmountRequested ?? 0m);
}

/// <summary>A decision the Board recorded on one application of the call.</summary>
public sealed record BoardPackDecision(string SessionNumber, DateOnly HeldOn, string ApplicationLabel, DecisionOutcome Outcome, decimal? Amount, bool DepartsFromRanking);

internal sealed class ShowBoardPackHandler : IUseCaseHandler<ShowBoardPack, BoardPack>
{
    private readonly ITrustFundDb _db;
    private readonly IRankings _rankings;
    private readonly IUseCaseHandler<ShowConflictsLog, ConflictsLog> _conflicts;

    public ShowBoardPackHandler(ITrustFundDb db, IRankings rankings, IUseCaseHandler<ShowConflictsLog, ConflictsLog> conflicts)
    {
        _db = db;
        _rankings = rankings;
        _conflicts = conflicts;
    }

    public async Task<BoardPack> HandleAsync(ShowBoardPack request, CancellationToken cancellationToken)
    {
        var ranking = await _rankings.ReadAsync(request.CallId, cancellationToken) ?? throw new NotFoundException();
        var timeZone = await _db.Calls.AsNoTracking().Where(c => c.Id == request.CallId).Select(c => c.Terms.TimeZoneId).SingleAsync(cancellationToken);

        // Submitted applications by what screening concluded, read from their status (withdrawn ones left out).
        var statuses = await _db.Applications.AsNoTracking()
            .Where(a => a.CallId == request.CallId && a.SubmittedAtUtc != null && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => a.Status)
            .ToListAsync(cancellationToken);
        var outcomes = statuses.Select(ScreeningOutcomes.Of).ToList();

        var conflicts = await _conflicts.HandleAsync(new ShowConflictsLog(request.CallId), cancellationToken);
        var sessions = await _db.BoardSessions.AsNoTracking().Where(s => s.CallId == request.CallId).ToListAsync(cancellationToken);
        var decisions = sessions
            .OrderBy(s => s.HeldOn)
            .ThenBy(s => s.Number, StringComparer.Ordinal)
            .SelectMany(s => s.Decisions.Select(d => new BoardPackDecision(s.Number, s.HeldOn, d.ApplicationLabel, d.Outcome, d.Amount?.Amount, d.DepartsFromRanking)))
            .ToList();

        return new BoardPack(
            ranking,
            timeZone,
            outcomes.Count(o => o == ScreeningOutcome.Eligible),
            outcomes.Count(o => o == ScreeningOutcome.Ineligible),
            outcomes.Count(o => o is null),
            request.Anonymise ? Anonymised(conflicts) : conflicts,
            decisions,
            request.Anonymise);
    }

    /// <summary>The log with each reviewer named "Reviewer n", numbered in order of first appearance.</summary>
    private static ConflictsLog Anonymised(ConflictsLog log)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        string Alias(string name)
        {
            if (!numbers.TryGetValue(name, out var number))
            {
                numbers[name] = number = numbers.Count + 1;
            }

            return $"Reviewer {number}";
        }

        return log with
        {
            Declared = [.. log.Declared.Select(d => d with { ReviewerName = Alias(d.ReviewerName) })],
            Rulings = [.. log.Rulings.Select(r => r with { ReviewerName = Alias(r.ReviewerName) })],
        };
    }
}
