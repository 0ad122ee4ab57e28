using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Decisions.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Decisions;

/// <summary>Recording Board sessions and their decisions, which move the applications through their lifecycle.</summary>
public sealed class BoardSessionTests
{
    private static readonly DateTime Now = BoardSessions.Now;

    [Test]
    public void Record_NumberWithStraySpaces_IsKeptTidyAndAnnounced()
    {
        var session = BoardSession.Record(Guid.NewGuid(), "  27th   session ", BoardSessions.March12, "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(session.Number, Is.EqualTo("27th session"));
            Assert.That(session.HeldOn, Is.EqualTo(BoardSessions.March12));
            Assert.That((session.RecordedBy, session.RecordedAtUtc), Is.EqualTo(("Fatima", Now)));
            Assert.That(session.PendingEvents(), Is.EqualTo(new[] { new BoardSessionRecorded(session.Id, session.CallId, "27th session", BoardSessions.March12) }));
        });
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void Record_WithoutNumber_IsRefused(string? number)
    {
        var error = Assert.Throws<RulesViolatedException>(() => BoardSession.Record(Guid.NewGuid(), number, BoardSessions.March12, "Fatima", Now))!;

        Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Number" }));
    }

    [Test]
    public void Record_NumberTooLong_IsRefused()
    {
        Assert.Throws<RulesViolatedException>(() => BoardSession.Record(Guid.NewGuid(), new string('7', BoardSession.NumberMaxLength + 1), BoardSessions.March12, "Fatima", Now));
    }

    [Test]
    public void Decide_Approval_ApprovesTheApplicationAndKeepsTheDecision()
    {
        var call = BoardSessions.Ranked(15_000m, 12_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        session.TakeEvents();

        var decision = session.Decide(call.At(1), new ProposedDecision(call.At(1).Id, DecisionOutcome.Approved, Money.Usd(14_000m), "Quarterly narrative updates.", Feedback: "Strong referral network."), call.Context(100_000m), "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(call.At(1).Status, Is.EqualTo(ApplicationStatus.Approved));
            Assert.That(session.Decisions, Is.EqualTo(new[] { decision }));
            Assert.That(decision.Outcome, Is.EqualTo(DecisionOutcome.Approved));
            Assert.That(decision.Amount, Is.EqualTo(Money.Usd(14_000m)));
            Assert.That(decision.Conditions, Is.EqualTo("Quarterly narrative updates."));
            Assert.That(decision.Feedback, Is.EqualTo("Strong referral network."));
            Assert.That(decision.IsFeedbackReleased, Is.False);
            Assert.That(decision.DepartsFromRanking, Is.False);
            Assert.That(decision.StandingBefore, Is.EqualTo(DecisionStanding.Undecided));
            Assert.That((decision.RecordedBy, decision.RecordedAtUtc, decision.SessionId), Is.EqualTo(("Fatima", Now, session.Id)));
            Assert.That(session.PendingEvents(), Is.EqualTo(new[]
            {
                new BoardDecisionRecorded(session.Id, call.Call.Id, decision.Id, call.At(1).Id, DecisionOutcome.Approved, 14_000m, false),
            }));
            Assert.That(session.ToPriorDecisions(), Is.EqualTo(new[]
            {
                new PriorDecision(call.At(1).Id, session.Id, "27th session", BoardSessions.March12, DecisionOutcome.Approved, Money.Usd(14_000m)),
            }));
        });
    }

    [TestCase(DecisionOutcome.ReserveList, ApplicationStatus.ReserveList)]
    [TestCase(DecisionOutcome.NotApproved, ApplicationStatus.NotApproved)]
    [TestCase(DecisionOutcome.Deferred, ApplicationStatus.Reviewed)]
    public void Decide_OtherOutcomes_MoveTheApplicationAccordingly(DecisionOutcome outcome, ApplicationStatus status)
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = call.Session("27th session", BoardSessions.March12);

        var decision = call.Decide(session, 1, outcome);

        Assert.That((call.At(1).Status, decision.Outcome, decision.Amount), Is.EqualTo((status, outcome, (Money?)null)));
    }

    [Test]
    public void Decide_DepartureWithJustification_KeepsWhoWasPassedOver()
    {
        var call = BoardSessions.Ranked(15_000m, 12_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        call.Decide(session, 1, DecisionOutcome.ReserveList);

        var decision = session.Decide(call.At(2), new ProposedDecision(call.At(2).Id, DecisionOutcome.Approved, Money.Usd(12_000m), Justification: "  The only proposal reaching children in the border camps.  "), call.Context(100_000m), "Fatima", Now);

        Assert.Multiple(() =>
        {
            Assert.That(decision.Justification, Is.EqualTo("The only proposal reaching children in the border camps."));
            Assert.That(decision.PassedOver, Is.EqualTo(new[] { new PassedOver(call.At(1).Id, BoardSessions.Label(1), 1, DecisionStanding.ReserveList) }));
            Assert.That(decision.DepartsFromRanking, Is.True);
        });
    }

    [Test]
    public void Decide_RuleBroken_ChangesNeitherTheSessionNorTheApplication()
    {
        var call = BoardSessions.Ranked(15_000m, 12_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        session.TakeEvents();

        var error = Assert.Throws<RulesViolatedException>(() => call.Decide(session, 2, DecisionOutcome.Approved, 12_000m))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Justification" }));
            Assert.That(call.At(2).Status, Is.EqualTo(ApplicationStatus.Reviewed));
            Assert.That(session.Decisions, Is.Empty);
            Assert.That(session.PendingEvents(), Is.Empty);
        });
    }

    [Test]
    public void Decide_EnvelopeExceededAcrossSessions_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m, 12_000m);
        var first = call.Session("27th session", BoardSessions.March12);
        call.Decide(first, 1, DecisionOutcome.Approved, 15_000m, envelope: 25_000m);
        call.Decide(first, 2, DecisionOutcome.ReserveList, envelope: 25_000m);
        var second = call.Session("28th session", BoardSessions.June18);

        var error = Assert.Throws<RulesViolatedException>(() => call.Decide(second, 2, DecisionOutcome.Approved, 12_000m, envelope: 25_000m))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("Approving USD 12,000.00 would bring the total approved in this call to USD 27,000.00, over its envelope of USD 25,000.00: USD 10,000.00 remains."));
            Assert.That(call.At(2).Status, Is.EqualTo(ApplicationStatus.ReserveList));
        });
    }

    [Test]
    public void Decide_ReserveListApprovedAtALaterSessionWhileFundsRemain_ApprovesIt()
    {
        var call = BoardSessions.Ranked(15_000m, 12_000m);
        var first = call.Session("27th session", BoardSessions.March12);
        call.Decide(first, 1, DecisionOutcome.Approved, 15_000m, envelope: 25_000m);
        call.Decide(first, 2, DecisionOutcome.ReserveList, envelope: 25_000m);
        var second = call.Session("28th session", BoardSessions.June18);

        var decision = second.Decide(call.At(2), new ProposedDecision(call.At(2).Id, DecisionOutcome.Approved, Money.Usd(10_000m)), call.Context(25_000m), "Omar", Now.AddDays(100));

        Assert.Multiple(() =>
        {
            Assert.That(call.At(2).Status, Is.EqualTo(ApplicationStatus.Approved));
            Assert.That(decision.StandingBefore, Is.EqualTo(DecisionStanding.ReserveList));
            Assert.That(decision.Amount, Is.EqualTo(Money.Usd(10_000m)));
            Assert.That(first.Decisions.Select(d => d.Outcome), Is.EqualTo(new[] { DecisionOutcome.Approved, DecisionOutcome.ReserveList }), "the earlier decision is kept as it was");
        });
    }

    [Test]
    public void Decide_SameApplicationTwiceAtOneSession_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        call.Decide(session, 1, DecisionOutcome.ReserveList);

        var error = Assert.Throws<DomainException>(() => call.Decide(session, 1, DecisionOutcome.Approved, 15_000m))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("The 27th session has already decided on UNVTF-2026-ST-0001: a reserve-list or deferred application is decided again at a later session."));
            Assert.That(call.At(1).Status, Is.EqualTo(ApplicationStatus.ReserveList));
            Assert.That(session.Decisions, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void Decide_AtASessionHeldBeforeTheLatestDecision_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m);
        var june = call.Session("28th session", BoardSessions.June18);
        call.Decide(june, 1, DecisionOutcome.Deferred);
        var march = call.Session("27th session", BoardSessions.March12);

        var error = Assert.Throws<DomainException>(() => call.Decide(march, 1, DecisionOutcome.NotApproved))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("UNVTF-2026-ST-0001 was decided at a later session (28th session, 18 June 2026): a session held before it cannot change that decision."));
            Assert.That(call.At(1).Status, Is.EqualTo(ApplicationStatus.Reviewed));
        });
    }

    [Test]
    public void Decide_ApprovedApplicationAgainAtALaterSession_IsRefusedAsFinal()
    {
        var call = BoardSessions.Ranked(15_000m);
        var first = call.Session("27th session", BoardSessions.March12);
        call.Decide(first, 1, DecisionOutcome.Approved, 15_000m);
        var second = call.Session("28th session", BoardSessions.June18);

        var error = Assert.Throws<RulesViolatedException>(() => call.Decide(second, 1, DecisionOutcome.NotApproved))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("UNVTF-2026-ST-0001 was approved (27th session, 12 March 2026): an approval is final and no later decision replaces it."));
            Assert.That(call.At(1).Status, Is.EqualTo(ApplicationStatus.Approved));
            Assert.That(second.Decisions, Is.Empty);
        });
    }

    [Test]
    public void Decide_ApplicationStillUnderReview_IsRefusedByItsLifecycle()
    {
        var call = BoardSessions.Ranked(15_000m);
        call.At(1).ResumeReview();
        var session = call.Session("27th session", BoardSessions.March12);

        var approve = Assert.Throws<DomainException>(() => call.Decide(session, 1, DecisionOutcome.Approved, 15_000m))!;
        var defer = Assert.Throws<DomainException>(() => call.Decide(session, 1, DecisionOutcome.Deferred))!;

        Assert.Multiple(() =>
        {
            Assert.That(approve.Message, Is.EqualTo("An application that is under review cannot be approved."));
            Assert.That(defer.Message, Is.EqualTo("Only an application whose reviews are complete can be deferred."));
            Assert.That(session.Decisions, Is.Empty);
        });
    }

    [Test]
    public void Decide_ApplicationOfAnotherCall_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = BoardSession.Record(Guid.NewGuid(), "27th session", BoardSessions.March12, "Fatima", Now);

        var error = Assert.Throws<DomainException>(() => call.Decide(session, 1, DecisionOutcome.Deferred))!;

        Assert.That(error.Code, Is.EqualTo("decision.other-call"));
    }

    [Test]
    public void ReleaseFeedback_Written_IsReleasedOnceAndThenFixed()
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        var decision = call.Decide(session, 1, DecisionOutcome.NotApproved);
        session.WriteFeedback(call.At(1).Id, "  The budget did not cover psychosocial staff.  ");
        session.TakeEvents();

        session.ReleaseFeedback(call.At(1).Id, "Omar", Now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(decision.Feedback, Is.EqualTo("The budget did not cover psychosocial staff."));
            Assert.That((decision.IsFeedbackReleased, decision.FeedbackReleasedBy, decision.FeedbackReleasedAtUtc), Is.EqualTo((true, "Omar", (DateTime?)Now.AddDays(1))));
            Assert.That(session.PendingEvents(), Is.EqualTo(new[] { new DecisionFeedbackReleased(session.Id, decision.Id, call.At(1).Id, "The budget did not cover psychosocial staff.") }));
            Assert.That(Assert.Throws<DomainException>(() => session.ReleaseFeedback(call.At(1).Id, "Omar", Now))!.Code, Is.EqualTo("decision.feedback-released"));
            Assert.That(Assert.Throws<DomainException>(() => session.WriteFeedback(call.At(1).Id, "Other words."))!.Code, Is.EqualTo("decision.feedback-released"));
            Assert.That(decision.Feedback, Is.EqualTo("The budget did not cover psychosocial staff."));
        });
    }

    [Test]
    public void ReleaseFeedback_NoneWritten_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = call.Session("27th session", BoardSessions.March12);
        var decision = call.Decide(session, 1, DecisionOutcome.NotApproved);

        var error = Assert.Throws<DomainException>(() => session.ReleaseFeedback(call.At(1).Id, "Omar", Now))!;

        Assert.That((error.Message, decision.IsFeedbackReleased), Is.EqualTo(("Write the feedback before releasing it to the applicant.", false)));
    }

    [Test]
    public void ReleaseFeedback_NoDecisionOnTheApplication_IsRefused()
    {
        var call = BoardSessions.Ranked(15_000m);
        var session = call.Session("27th session", BoardSessions.March12);

        var error = Assert.Throws<DomainException>(() => session.ReleaseFeedback(call.At(1).Id, "Omar", Now))!;

        Assert.That(error.Message, Is.EqualTo("The 27th session has no decision on this application."));
    }
}
