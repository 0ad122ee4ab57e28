using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Tests.Builders;
using static TrustFund.Domain.Applications.ApplicationStatus;

namespace TrustFund.Domain.Tests.Applications;

/// <summary>Every move of the application lifecycle, legal or not, through the aggregate's own methods.</summary>
public sealed class GrantApplicationLifecycleTests
{
    private static readonly DateTime Now = GrantApplicationBuilder.Now;

    /// <summary>The lifecycle of the domain brief, written out here: every legal move and where it leads.</summary>
    private static readonly (ApplicationStatus From, Move Move, ApplicationStatus To)[] Legal =
    [
        (Draft, Move.Submit, Submitted),
        (Draft, Move.Withdraw, Withdrawn),
        (Submitted, Move.RequestInformation, InformationRequested),
        (Submitted, Move.FindEligible, Eligible),
        (Submitted, Move.FindIneligible, Ineligible),
        (Submitted, Move.Withdraw, Withdrawn),
        (InformationRequested, Move.Submit, Submitted),
        (InformationRequested, Move.FindEligible, Eligible),
        (InformationRequested, Move.FindIneligible, Ineligible),
        (InformationRequested, Move.Withdraw, Withdrawn),
        (Eligible, Move.StartReview, UnderReview),
        (Eligible, Move.Withdraw, Withdrawn),
        (UnderReview, Move.CompleteReview, Reviewed),
        (UnderReview, Move.Withdraw, Withdrawn),
        (Reviewed, Move.Approve, Approved),
        (Reviewed, Move.PlaceOnReserveList, ReserveList),
        (Reviewed, Move.Reject, NotApproved),
        (Reviewed, Move.Withdraw, Withdrawn),
        (ReserveList, Move.Approve, Approved),
    ];

    public enum Move
    {
        Submit,
        RequestInformation,
        FindEligible,
        FindIneligible,
        StartReview,
        CompleteReview,
        Approve,
        PlaceOnReserveList,
        Reject,
        Withdraw,
    }

    private static IEnumerable<TestCaseData> LegalMoves() =>
        Legal.Select(m => new TestCaseData(m.From, m.Move, m.To).SetArgDisplayNames(m.From.ToString(), m.Move.ToString(), m.To.ToString()));

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from status in Enum.GetValues<ApplicationStatus>()
        from move in Enum.GetValues<Move>()
        where !Legal.Any(m => m.From == status && m.Move == move)
        select new TestCaseData(status, move).SetArgDisplayNames(status.ToString(), move.ToString());

    [Test]
    public void Transitions_AreExactlyTheTableWrittenHere()
    {
        Assert.That(GrantApplication.Transitions, Is.EquivalentTo(new[]
        {
            (Draft, "Submitted", Submitted),
            (Submitted, "AskedForMoreInformation", InformationRequested),
            (InformationRequested, "Resubmitted", Submitted),
            (Submitted, "FoundEligible", Eligible),
            (Submitted, "FoundIneligible", Ineligible),
            (InformationRequested, "FoundEligible", Eligible),
            (InformationRequested, "FoundIneligible", Ineligible),
            (Eligible, "PutUnderReview", UnderReview),
            (UnderReview, "MarkedAsReviewed", Reviewed),
            (Reviewed, "ReopenedForReview", UnderReview),
            (Reviewed, "Approved", Approved),
            (Reviewed, "PlacedOnTheReserveList", ReserveList),
            (Reviewed, "Rejected", NotApproved),
            (ReserveList, "Approved", Approved),
            (Draft, "Withdrawn", Withdrawn),
            (Submitted, "Withdrawn", Withdrawn),
            (InformationRequested, "Withdrawn", Withdrawn),
            (Eligible, "Withdrawn", Withdrawn),
            (UnderReview, "Withdrawn", Withdrawn),
            (Reviewed, "Withdrawn", Withdrawn),
        }));
    }

    [TestCaseSource(nameof(LegalMoves))]
    public void Move_Legal_ReachesTheStatusOfTheLifecycle(ApplicationStatus from, Move move, ApplicationStatus to)
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).In(from).Build();

        Apply(application, move, call);

        Assert.That(application.Status, Is.EqualTo(to));
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Move_Illegal_ThrowsAClearDomainErrorAndChangesNothing(ApplicationStatus from, Move move)
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).In(from).Build();
        var before = Snapshot(application);

        var error = Assert.Throws<DomainException>(() => Apply(application, move, call))!;

        Assert.Multiple(() =>
        {
            Assert.That(error, Is.Not.InstanceOf<RulesViolatedException>(), "refused for its status, not for its content");
            (string Code, string Message) expected = (move, from) switch
            {
                (Move.Submit, Withdrawn) => ("application.withdrawn", "This application has been withdrawn: it cannot be submitted."),
                (Move.Submit, _) => ("application.already-submitted", "This application has already been submitted."),
                _ => ("application.illegal-transition", $"An application that is {Words(from)} cannot be {Participle(move)}."),
            };
            Assert.That((error.Code, error.Message), Is.EqualTo(expected));
            Assert.That(Snapshot(application), Is.EqualTo(before), "an illegal move changes nothing");
        });
    }

    [Test]
    public void Submit_FirstTime_TakesTheReferenceAndKeepsVersionOne()
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).Build();

        application.Submit(GrantApplicationBuilder.Context(call), "UNVTF-2026-ST-0042", "Amina");

        Assert.Multiple(() =>
        {
            Assert.That(application.Reference, Is.EqualTo("UNVTF-2026-ST-0042"));
            Assert.That(application.SubmittedAtUtc, Is.EqualTo(Now));
            Assert.That(application.Versions.Select(v => (v.Number, v.SubmittedBy)), Is.EqualTo(new[] { (1, "Amina") }));
        });
    }

    [Test]
    public void RequestInformation_Submitted_KeepsTheQuestionUntilResubmission()
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).In(Submitted).Build();

        application.RequestInformation("  Please detail the staffing.  ", GrantApplicationBuilder.RespondBy, Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.InformationRequest, Is.EqualTo("Please detail the staffing."));
            Assert.That(application.IsEditable, Is.True);
        });
    }

    [Test]
    public void RecordEligibility_Ineligible_KeepsTheReason()
    {
        var application = GrantApplicationBuilder.AnApplication().In(Submitted).Build();

        application.RecordEligibility(false, "  Outside the eligible region.  ", Now);

        Assert.That(application.IneligibilityReason, Is.EqualTo("Outside the eligible region."));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void RecordEligibility_IneligibleWithoutReason_IsRefusedAndStaysSubmitted(string? reason)
    {
        var application = GrantApplicationBuilder.AnApplication().In(Submitted).Build();

        var error = Assert.Throws<DomainException>(() => application.RecordEligibility(false, reason, Now))!;

        Assert.That(error.Message, Is.EqualTo("Give the reason the application is ineligible."));
        Assert.That(application.Status, Is.EqualTo(Submitted));
    }

    [TestCase(Draft, true)]
    [TestCase(Submitted, true)]
    [TestCase(InformationRequested, true)]
    [TestCase(Eligible, true)]
    [TestCase(Ineligible, false)]
    [TestCase(UnderReview, true)]
    [TestCase(Reviewed, true)]
    [TestCase(Approved, false)]
    [TestCase(ReserveList, false)]
    [TestCase(NotApproved, false)]
    [TestCase(Withdrawn, false)]
    public void IsBeforeDecision_EachStatus_IsWhenItMayStillBeWithdrawn(ApplicationStatus status, bool expected)
    {
        Assert.That(GrantApplicationBuilder.AnApplication().In(status).Build().IsBeforeDecision, Is.EqualTo(expected));
    }

    [Test]
    public void Start_OpenCall_TakesTheOrganisationsIdAndLegalName()
    {
        var organisation = Organisation.Register("  Fundación Esperanza  ", "COL", Now);

        var application = GrantApplication.Start(CallBuilder.ACall().In(CallStatus.Published).Build(), organisation, "Amina", Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.OrganisationId, Is.EqualTo(organisation.Id));
            Assert.That(application.OrganisationName, Is.EqualTo("Fundación Esperanza"));
        });
    }

    [Test]
    public void Submit_Complete_TakesReferenceOnceAndKeepsEachVersion()
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).Build();

        application.Submit(GrantApplicationBuilder.Context(call), "REF-1", "Amina");
        application.RequestInformation("More detail please.", GrantApplicationBuilder.RespondBy, Now);
        application.Edit(application.Content with { Title = "Changed" }, "Amina", Now);
        application.Submit(GrantApplicationBuilder.Context(call), "REF-2", "Amina");

        Assert.Multiple(() =>
        {
            Assert.That(application.Reference, Is.EqualTo("REF-1"));
            Assert.That(application.Versions.Select(v => v.Number), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(application.Versions[0].Content.Title, Is.EqualTo("Shelter and legal aid"));
            Assert.That(application.Versions[1].Content.Title, Is.EqualTo("Changed"));
            Assert.That(application.InformationRequest, Is.Null);
        });
    }

    [Test]
    public void Submit_AfterDeadline_IsRefusedAndStaysDraft()
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).Build();

        var refusal = Assert.Throws<RulesViolatedException>(() =>
            application.Submit(GrantApplicationBuilder.Context(call) with { NowUtc = call.ClosesAtUtc.AddMinutes(1) }, "REF", "Amina"));

        Assert.That(refusal!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Deadline" }));
        Assert.That(application.Status, Is.EqualTo(Draft));
        Assert.That(application.Reference, Is.Null);
    }

    [Test]
    public void Submit_UnverifiedOrganisation_IsRefused()
    {
        var call = CallBuilder.ACall().In(CallStatus.Published).Build();
        var application = GrantApplicationBuilder.AnApplication().On(call).Build();

        var refusal = Assert.Throws<RulesViolatedException>(() =>
            application.Submit(GrantApplicationBuilder.Context(call) with { OrganisationVerified = false }, "REF", "Amina"));

        Assert.That(refusal!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Organisation" }));
        Assert.That(application.Status, Is.EqualTo(Draft));
    }

    [Test]
    public void Edit_AfterSubmission_IsRefused()
    {
        var application = GrantApplicationBuilder.AnApplication().In(Submitted).Build();

        Assert.That(() => application.Edit(application.Content with { Title = "Late change" }, "Amina", Now), Throws.InstanceOf<DomainException>());
        Assert.That(application.Title, Is.EqualTo("Shelter and legal aid"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Withdraw_WithoutReason_IsRefused(string reason)
    {
        var application = GrantApplicationBuilder.AnApplication().In(Submitted).Build();

        Assert.That(() => application.Withdraw(reason, Now), Throws.InstanceOf<DomainException>());
        Assert.That(application.Status, Is.EqualTo(Submitted));
    }

    [TestCase(Draft)]
    [TestCase(Submitted)]
    [TestCase(InformationRequested)]
    [TestCase(Eligible)]
    [TestCase(Ineligible)]
    [TestCase(UnderReview)]
    [TestCase(Reviewed)]
    [TestCase(Approved)]
    [TestCase(ReserveList)]
    [TestCase(NotApproved)]
    [TestCase(Withdrawn)]
    public void Builder_AnyStatus_BuildsAnApplicationInThatStatus(ApplicationStatus status)
    {
        Assert.That(GrantApplicationBuilder.AnApplication().In(status).Build().Status, Is.EqualTo(status));
    }

    private static void Apply(GrantApplication application, Move move, Call call)
    {
        switch (move)
        {
            case Move.Submit: application.Submit(GrantApplicationBuilder.Context(call), "UNVTF-2026-ST-0099", "Amina"); break;
            case Move.RequestInformation: application.RequestInformation("Please detail the staffing.", GrantApplicationBuilder.RespondBy, Now); break;

            // Screened after the date to respond to any request for information has passed.
            case Move.FindEligible: application.RecordEligibility(true, null, GrantApplicationBuilder.RespondBy.AddDays(1)); break;
            case Move.FindIneligible: application.RecordEligibility(false, "Outside the eligible region.", GrantApplicationBuilder.RespondBy.AddDays(1)); break;
            case Move.StartReview: application.StartReview(); break;
            case Move.CompleteReview: application.CompleteReview(); break;
            case Move.Approve: application.Approve(); break;
            case Move.PlaceOnReserveList: application.PlaceOnReserveList(); break;
            case Move.Reject: application.Reject(); break;
            case Move.Withdraw: application.Withdraw("No longer needed.", Now.AddHours(1)); break;
            default: throw new ArgumentOutOfRangeException(nameof(move), move, null);
        }
    }

    private static string Snapshot(GrantApplication a) =>
        string.Join(" | ", a.Status, a.Reference, a.Versions.Count, a.SubmittedAtUtc, a.InformationRequest, a.IneligibilityReason, a.WithdrawalReason, a.WithdrawnAtUtc);

    private static string Words(ApplicationStatus status) => status switch
    {
        Draft => "a draft",
        Submitted => "submitted",
        InformationRequested => "waiting for more information",
        Eligible => "eligible",
        Ineligible => "ineligible",
        UnderReview => "under review",
        Reviewed => "reviewed",
        Approved => "approved",
        ReserveList => "on the reserve list",
        NotApproved => "not approved",
        Withdrawn => "withdrawn",
    };

    private static string Participle(Move move) => move switch
    {
        Move.Submit => "submitted",
        Move.RequestInformation => "asked for more information",
        Move.FindEligible => "found eligible",
        Move.FindIneligible => "found ineligible",
        Move.StartReview => "put under review",
        Move.CompleteReview => "marked as reviewed",
        Move.Approve => "approved",
        Move.PlaceOnReserveList => "placed on the reserve list",
        Move.Reject => "rejected",
        Move.Withdraw => "withdrawn",
    };
}
