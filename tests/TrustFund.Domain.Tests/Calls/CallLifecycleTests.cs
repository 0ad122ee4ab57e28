using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Calls.CallStatus;

namespace TrustFund.Domain.Tests.Calls;

/// <summary>Every move of the call lifecycle (Draft, Published, Closed, Decided, Archived), legal or not.</summary>
public sealed class CallLifecycleTests
{
    private static readonly DateTime Now = CallBuilder.Now;

    /// <summary>The lifecycle of the domain brief, written out here: every legal move and where it leads.</summary>
    private static readonly (CallStatus From, Move Move, CallStatus To)[] Legal =
    [
        (Draft, Move.Publish, Published),
        (Published, Move.Close, Closed),
        (Closed, Move.MarkDecided, Decided),
        (Decided, Move.Archive, Archived),
    ];

    public enum Move
    {
        Publish,
        Close,
        MarkDecided,
        Archive,
    }

    private static IEnumerable<TestCaseData> LegalMoves() =>
        Legal.Select(m => new TestCaseData(m.From, m.Move, m.To).SetArgDisplayNames(m.From.ToString(), m.Move.ToString(), m.To.ToString()));

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from status in Enum.GetValues<CallStatus>()
        from move in Enum.GetValues<Move>()
        where !Legal.Any(m => m.From == status && m.Move == move)
        select new TestCaseData(status, move).SetArgDisplayNames(status.ToString(), move.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(Call.Transitions, Is.EquivalentTo(new[]
        {
            (Draft, "Published", Published),
            (Published, "Closed", Closed),
            (Closed, "Decided", Decided),
            (Decided, "Archived", Archived),
        }));
    }

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheStatusOfTheLifecycle(CallStatus from, Move move, CallStatus to)
    {
        var call = CallBuilder.ACall().In(from).Build();

        Apply(call, move);

        Assert.That(call.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(CallStatus from, Move move)
    {
        var call = CallBuilder.ACall().In(from).Build();
        var before = Snapshot(call);

        var error = Assert.Throws<DomainException>(() => Apply(call, move))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("call.illegal-transition"));
            Assert.That(error.Message, Is.EqualTo($"A call that is {Words(from)} cannot be {Participle(move)}."));
            Assert.That(Snapshot(call), Is.EqualTo(before), "an illegal move changes nothing");
        });
    }

    [Test]
    public void Publish_Draft_RecordsWhen()
    {
        var call = CallBuilder.ACall().Build();

        call.Publish(Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(Published));
            Assert.That(call.PublishedAtUtc, Is.EqualTo(Now));
            Assert.That(call.ClosedAtUtc, Is.Null);
        });
    }

    [Test]
    public void Close_Published_RecordsWhen()
    {
        var call = CallBuilder.ACall().In(Published).Build();

        call.Close(Now.AddDays(31));

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(Closed));
            Assert.That(call.ClosedAtUtc, Is.EqualTo(Now.AddDays(31)));
        });
    }

    [TestCase(60)]
    [TestCase(61)]
    [TestCase(24 * 60 * 60)]
    public void Publish_AfterTheClosingMinute_IsRefusedAndStaysDraft(int secondsAfterClosing)
    {
        var call = CallBuilder.ACall().Build();

        var error = Assert.Throws<DomainException>(() => call.Publish(call.ClosesAtUtc.AddSeconds(secondsAfterClosing)))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("call.closing-passed"));
            Assert.That(error.Message, Is.EqualTo("The closing date has passed: move it before publishing."));
            Assert.That(call.Status, Is.EqualTo(Draft));
            Assert.That(call.PublishedAtUtc, Is.Null);
        });
    }

    [Test]
    public void Publish_JustBeforeClosingTime_Publishes()
    {
        var call = CallBuilder.ACall().Build();

        call.Publish(call.ClosesAtUtc.AddTicks(-1));

        Assert.That(call.Status, Is.EqualTo(Published));
    }

    [Test]
    public void Publish_BeforeOpeningTime_PublishesButTakesNoSubmissionsYet()
    {
        var call = CallBuilder.ACall().With(t => t with { OpensAtUtc = Now.AddDays(7), ClarificationDeadlineUtc = null }).Build();

        call.Publish(Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.Status, Is.EqualTo(Published));
            Assert.That(call.AcceptsSubmissionsAt(Now), Is.False);
        });
    }

    [TestCase(Draft)]
    [TestCase(Published)]
    [TestCase(Closed)]
    [TestCase(Decided)]
    [TestCase(Archived)]
    public void Builder_AnyStatus_BuildsACallInThatStatus(CallStatus status)
    {
        Assert.That(CallBuilder.ACall().In(status).Build().Status, Is.EqualTo(status));
    }

    private static void Apply(Call call, Move move)
    {
        switch (move)
        {
            case Move.Publish: call.Publish(Now); break;
            case Move.Close: call.Close(Now.AddHours(1)); break;
            case Move.MarkDecided: call.MarkDecided(); break;
            case Move.Archive: call.Archive(); break;
            default: throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    private static string Snapshot(Call call) => string.Join(" | ", call.Status, call.PublishedAtUtc, call.ClosedAtUtc);

    private static string Words(CallStatus status) => status switch
    {
        Draft => "a draft",
        Published => "published",
        Closed => "closed",
        Decided => "decided",
        Archived => "archived",
    };

    private static string Participle(Move move) => move switch
    {
        Move.Publish => "published",
        Move.Close => "closed",
        Move.MarkDecided => "decided",
        Move.Archive => "archived",
    };
}
