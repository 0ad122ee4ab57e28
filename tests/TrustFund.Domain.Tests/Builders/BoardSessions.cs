using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>A call with reviewed applications ranked in order, and Board sessions to decide on them.</summary>
public sealed class BoardSessions
{
    public static readonly DateTime Now = CallBuilder.Now;

    public static readonly DateOnly March12 = new(2026, 3, 12);

    public static readonly DateOnly June18 = new(2026, 6, 18);

    private readonly List<BoardSession> _sessions = [];

    private BoardSessions(Call call, IReadOnlyList<GrantApplication> applications, IReadOnlyList<RankedCandidate> ranking)
    {
        Call = call;
        Applications = applications;
        Ranking = ranking;
    }

    public Call Call { get; }

    /// <summary>The applications, best ranked first, all reviewed.</summary>
    public IReadOnlyList<GrantApplication> Applications { get; }

    /// <summary>The ranking: labels UNVTF-2026-ST-0001 onwards, each requesting the amount given to <see cref="Ranked"/>.</summary>
    public IReadOnlyList<RankedCandidate> Ranking { get; }

    /// <summary>A call whose reviewed applications request these amounts, ranked in this order.</summary>
    public static BoardSessions Ranked(params decimal[] requested)
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var applications = requested.Select(_ => GrantApplicationBuilder.AnApplication().On(call).In(ApplicationStatus.Reviewed).Build()).ToList();
        var ranking = applications.Select((a, i) => new RankedCandidate(a.Id, Label(i + 1), Money.Usd(requested[i]), true)).ToList();
        return new BoardSessions(call, applications, ranking);
    }

    /// <summary>The reference the ranking gives to the application at <paramref name="rank"/>.</summary>
    public static string Label(int rank) => $"UNVTF-2026-ST-{rank:0000}";

    public GrantApplication At(int rank) => Applications[rank - 1];

    /// <summary>Records a session of this call; its decisions count in <see cref="Context"/> from then on.</summary>
    public BoardSession Session(string number, DateOnly heldOn)
    {
        var session = BoardSession.Record(Call.Id, number, heldOn, "Fatima", Now);
        _sessions.Add(session);
        return session;
    }

    /// <summary>The envelope, the ranking and the decisions of every session recorded here (a session skips its own).</summary>
    public DecisionContext Context(decimal envelope) =>
        new(Money.Usd(envelope), Ranking, _sessions.SelectMany(s => s.ToPriorDecisions()).ToList());

    /// <summary>Decides on the application at <paramref name="rank"/> at <paramref name="session"/>, recorded by Fatima now.</summary>
    public BoardDecision Decide(BoardSession session, int rank, DecisionOutcome outcome, decimal? amount = null, decimal envelope = 100_000m) =>
        session.Decide(At(rank), new ProposedDecision(At(rank).Id, outcome, amount is null ? null : Money.Usd(amount.Value)), Context(envelope), "Fatima", Now);
}
