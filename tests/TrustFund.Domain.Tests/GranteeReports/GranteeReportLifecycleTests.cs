using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.GranteeReports.Events;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.GranteeReports.ReportStatus;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>Every move of the report lifecycle, legal or not, and the versions and overdue flag it keeps.</summary>
[SetCulture("en-GB")]
public sealed class GranteeReportLifecycleTests
{
    private static readonly DateTime Now = GranteeReportBuilder.Now;

    private static readonly (ReportStatus From, Move Move, ReportStatus To)[] Legal =
    [
        (Due, Move.Submit, Submitted),
        (Submitted, Move.RequestRevision, RevisionRequested),
        (Submitted, Move.Accept, Accepted),
        (RevisionRequested, Move.Submit, Submitted),
    ];

    public enum Move
    {
        Submit,
        RequestRevision,
        Accept,
    }

    private static IEnumerable<TestCaseData> LegalMoves() =>
        Legal.Select(m => new TestCaseData(m.From, m.Move, m.To).SetArgDisplayNames(m.From.ToString(), m.Move.ToString()));

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from status in Enum.GetValues<ReportStatus>()
        from move in Enum.GetValues<Move>()
        where !Legal.Any(m => m.From == status && m.Move == move)
        select new TestCaseData(status, move).SetArgDisplayNames(status.ToString(), move.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(GranteeReport.Transitions, Is.EquivalentTo(new[]
        {
            (Due, "Submitted", Submitted),
            (Submitted, "SentBackForRevision", RevisionRequested),
            (RevisionRequested, "Resubmitted", Submitted),
            (Submitted, "Accepted", Accepted),
        }));
    }

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheStatusOfTheLifecycle(ReportStatus from, Move move, ReportStatus to)
    {
        var report = GranteeReportBuilder.AReport().In(from).Build();

        Apply(report, move);

        Assert.That(report.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(ReportStatus from, Move move)
    {
        var report = GranteeReportBuilder.AReport().In(from).Build();
        var before = (report.Status, report.Submissions.Count, report.AcceptedBy, report.RevisionComment);

        var error = Assert.Throws<DomainException>(() => Apply(report, move))!;

        Assert.Multiple(() =>
        {
            var state = from switch
            {
                Due => "due",
                Submitted => "submitted",
                RevisionRequested => "sent back for revision",
                Accepted => "accepted",
            };
            var action = move switch
            {
                Move.Submit => "submitted",
                Move.RequestRevision => "sent back for revision",
                Move.Accept => "accepted",
            };
            Assert.That((error.Code, error.Message), Is.EqualTo(("report.illegal-transition", $"A report that is {state} cannot be {action}.")));
            Assert.That((report.Status, report.Submissions.Count, report.AcceptedBy, report.RevisionComment), Is.EqualTo(before));
        });
    }

    [Test]
    public void Schedule_Planned_IsDueWithItsPeriodAndDate()
    {
        var grant = Guid.NewGuid();

        var report = GranteeReport.Schedule(grant, new PlannedReport(ReportKind.Final, 1, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 1)));

        Assert.That(
            (report.GrantId, report.Kind, report.Sequence, report.PeriodEnd, report.DueOn, report.Status, report.Submissions.Count),
            Is.EqualTo((grant, ReportKind.Final, 1, new DateOnly(2026, 12, 31), new DateOnly(2027, 3, 1), Due, 0)));
    }

    [Test]
    public void SubmitReviseResubmitAccept_KeepsEveryVersionWithItsReview()
    {
        var report = GranteeReportBuilder.AReport().Build();
        var revised = ReportContents.Valid() with { Narrative = ReportContents.Valid().Narrative with { Lessons = "Referral figures added." } };

        report.Submit(ReportContents.Valid(), false, "Grace", Now);
        report.RequestRevision("  Add the referral figures.  ", new DateOnly(2026, 7, 20), "Omar", Now.AddDays(1));
        report.Submit(revised, false, "Grace", Now.AddDays(2));
        report.Accept("Omar", Now.AddDays(3));

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo(Accepted));
            Assert.That((report.AcceptedBy, report.AcceptedAtUtc, report.IsAccepted), Is.EqualTo(("Omar", (DateTime?)Now.AddDays(3), true)));
            Assert.That(report.Submissions.Select(s => (s.Number, s.SubmittedBy, s.SubmittedAtUtc)), Is.EqualTo(new[] { (1, "Grace", Now), (2, "Grace", Now.AddDays(2)) }));
            Assert.That(report.Submissions[0].Content.Narrative.Lessons, Is.EqualTo("Early legal aid shortens shelter stays."));
            Assert.That(report.Submissions[1].Content.Narrative.Lessons, Is.EqualTo("Referral figures added."));
            Assert.That(
                report.Submissions.Select(s => (s.ReviewOutcome, s.ReviewComment, s.ReviewedBy)),
                Is.EqualTo(new (ReportReviewOutcome?, string?, string?)[] { (ReportReviewOutcome.RevisionRequested, "Add the referral figures.", "Omar"), (ReportReviewOutcome.Accepted, null, "Omar") }));
            Assert.That(report.LatestSubmission, Is.SameAs(report.Submissions[1]));
            Assert.That(report.PendingEvents().Select(e => e.GetType().Name), Is.EqualTo(new[] { nameof(ReportSubmitted), nameof(ReportRevisionRequested), nameof(ReportSubmitted), nameof(ReportAccepted) }));
            Assert.That(report.PendingEvents()[^1], Is.EqualTo(new ReportAccepted(report.Id, report.GrantId, ReportKind.Interim, 1, "Omar", Now.AddDays(3))));
        });
    }

    [Test]
    public void Accept_FinalReport_AnnouncesWhatAnInstalmentConditionReads()
    {
        var report = GranteeReportBuilder.AReport().OfKind(ReportKind.Final).In(Submitted).Build();
        report.TakeEvents();

        report.Accept("Omar", Now);

        Assert.Multiple(() =>
        {
            Assert.That(report.IsAccepted, Is.True);
            Assert.That(report.PendingEvents(), Is.EqualTo(new[] { new ReportAccepted(report.Id, report.GrantId, ReportKind.Final, 1, "Omar", Now) }));
        });
    }

    [TestCase(null)]
    [TestCase("   ")]
    public void RequestRevision_WithoutComment_IsRefusedAndChangesNothing(string? comment)
    {
        var report = GranteeReportBuilder.AReport().In(Submitted).Build();

        var error = Assert.Throws<RulesViolatedException>(() => report.RequestRevision(comment, null, "Omar", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations, Is.EqualTo(new[] { new RuleViolation("RevisionComment", "Write what needs revising, in at most 4,000 characters.") }));
            Assert.That((report.Status, report.LatestSubmission!.ReviewOutcome), Is.EqualTo((Submitted, (ReportReviewOutcome?)null)));
        });
    }

    [Test]
    public void RequestRevision_ResubmitByInThePast_IsRefused()
    {
        var report = GranteeReportBuilder.AReport().In(Submitted).Build();

        var error = Assert.Throws<RulesViolatedException>(() => report.RequestRevision("Add figures.", new DateOnly(2026, 7, 9), "Omar", Now))!;

        Assert.That((error.Violations[0].Field, report.Status), Is.EqualTo(("ResubmitBy", Submitted)));
    }

    [TestCase("2026-07-31", false, 0)]
    [TestCase("2026-08-01", true, 1)]
    [TestCase("2026-08-31", true, 31)]
    public void IsOverdueOn_Due_FromTheDayAfterTheDueDate(string today, bool overdue, int days)
    {
        var report = GranteeReportBuilder.AReport().Build();
        var day = DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture);

        Assert.That((report.IsOverdueOn(day), report.DaysOverdueOn(day)), Is.EqualTo((overdue, days)));
    }

    [TestCase(Submitted)]
    [TestCase(Accepted)]
    public void IsOverdueOn_SubmittedOrAccepted_NeverOverdue(ReportStatus status)
    {
        var report = GranteeReportBuilder.AReport().In(status).Build();

        Assert.That(report.IsOverdueOn(new DateOnly(2027, 1, 1)), Is.False);
    }

    [Test]
    public void IsOverdueOn_SentBackForRevision_OverdueOnlyAfterTheDaySetToResubmit()
    {
        var withDay = GranteeReportBuilder.AReport().In(Submitted).Build();
        withDay.RequestRevision("Add figures.", new DateOnly(2026, 8, 15), "Omar", Now);
        var withoutDay = GranteeReportBuilder.AReport().In(RevisionRequested).Build();

        Assert.Multiple(() =>
        {
            Assert.That(withDay.IsOverdueOn(new DateOnly(2026, 8, 15)), Is.False);
            Assert.That(withDay.DaysOverdueOn(new DateOnly(2026, 8, 17)), Is.EqualTo(2));
            Assert.That(withoutDay.IsOverdueOn(new DateOnly(2027, 1, 1)), Is.False);
        });
    }

    [Test]
    public void Reschedule_Due_MovesTheDueDate()
    {
        var report = GranteeReportBuilder.AReport().Build();

        report.Reschedule(new DateOnly(2026, 9, 30));

        Assert.That((report.DueOn, report.IsOverdueOn(new DateOnly(2026, 9, 1))), Is.EqualTo((new DateOnly(2026, 9, 30), false)));
    }

    [Test]
    public void Reschedule_Submitted_IsRefused()
    {
        var report = GranteeReportBuilder.AReport().In(Submitted).Build();

        var error = Assert.Throws<DomainException>(() => report.Reschedule(new DateOnly(2026, 9, 30)))!;

        Assert.That((error.Message, report.DueOn), Is.EqualTo(("Only a report not yet submitted has a due date to move.", GranteeReportBuilder.DueOn)));
    }

    private static void Apply(GranteeReport report, Move move)
    {
        switch (move)
        {
            case Move.Submit:
                report.Submit(ReportContents.Valid(), false, "Grace", Now);
                break;
            case Move.RequestRevision:
                report.RequestRevision("Add the referral figures.", null, "Omar", Now);
                break;
            case Move.Accept:
                report.Accept("Omar", Now);
                break;
        }
    }
}
