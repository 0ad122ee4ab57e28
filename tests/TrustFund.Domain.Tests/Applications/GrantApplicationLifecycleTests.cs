using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Applications;

/// <summary>Every move of the application lifecycle, legal or not, through the aggregate's own methods.</summary>
public sealed class GrantApplicationLifecycleTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Actions =
    [
        "Submit", "RequestInformation", "Eligible", "Ineligible", "StartReview", "CompleteReview",
        "Approve", "PlaceOnReserveList", "Reject", "Withdraw",
    ];

    private static IEnumerable<TestCaseData> EveryStatusAndAction() =>
        from status in Enum.GetValues<ApplicationStatus>()
        from action in Actions
        select new TestCaseData(status, action).SetName($"{action}_From{status}_FollowsTheTransitionTable");

    [TestCaseSource(nameof(EveryStatusAndAction))]
    public void Action_FromStatus_FollowsTheTransitionTable(ApplicationStatus from, string action)
    {
        var call = OpenCall();
        var application = InStatus(from, call);
        var expected = GrantApplication.Transitions
            .Where(t => t.From == from && t.Action == TableAction(from, action))
            .Select(t => (ApplicationStatus?)t.To)
            .SingleOrDefault();

        if (expected is { } to)
        {
            Apply(application, action, call);
            Assert.That(application.Status, Is.EqualTo(to));
        }
        else
        {
            Assert.That(() => Apply(application, action, call), Throws.InstanceOf<DomainException>());
            Assert.That(application.Status, Is.EqualTo(from), "an illegal move changes nothing");
        }
    }

    [Test]
    public void Start_OpenCall_TakesTheOrganisationsIdAndLegalName()
    {
        var organisation = Organisation.Register("  Fundación Esperanza  ", "COL", Now);

        var application = GrantApplication.Start(OpenCall(), organisation, "Amina", Now);

        Assert.Multiple(() =>
        {
            Assert.That(application.OrganisationId, Is.EqualTo(organisation.Id));
            Assert.That(application.OrganisationName, Is.EqualTo("Fundación Esperanza"));
        });
    }

    [Test]
    public void Submit_Complete_TakesReferenceOnceAndKeepsEachVersion()
    {
        var call = OpenCall();
        var application = InStatus(ApplicationStatus.Draft, call);

        application.Submit(Context(call), "REF-1", "Amina");
        application.RequestInformation("More detail please.", Now.AddDays(14), Now);
        application.Edit(application.Content with { Title = "Changed" }, "Amina", Now);
        application.Submit(Context(call), "REF-2", "Amina");

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
        var call = OpenCall();
        var application = InStatus(ApplicationStatus.Draft, call);

        var refusal = Assert.Throws<RulesViolatedException>(() =>
            application.Submit(Context(call) with { NowUtc = call.ClosesAtUtc.AddMinutes(1) }, "REF", "Amina"));

        Assert.That(refusal!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Deadline" }));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Draft));
        Assert.That(application.Reference, Is.Null);
    }

    [Test]
    public void Submit_UnverifiedOrganisation_IsRefused()
    {
        var call = OpenCall();
        var application = InStatus(ApplicationStatus.Draft, call);

        var refusal = Assert.Throws<RulesViolatedException>(() =>
            application.Submit(Context(call) with { OrganisationVerified = false }, "REF", "Amina"));

        Assert.That(refusal!.Violations.Select(v => v.Field), Is.EqualTo(new[] { "Organisation" }));
    }

    [Test]
    public void Edit_AfterSubmission_IsRefused()
    {
        var call = OpenCall();
        var application = InStatus(ApplicationStatus.Submitted, call);

        Assert.That(() => application.Edit(application.Content with { Title = "Late change" }, "Amina", Now), Throws.InstanceOf<DomainException>());
        Assert.That(application.Title, Is.EqualTo("Shelter and legal aid"));
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Withdraw_WithoutReason_IsRefused(string reason)
    {
        var call = OpenCall();
        var application = InStatus(ApplicationStatus.Submitted, call);

        Assert.That(() => application.Withdraw(reason, Now), Throws.InstanceOf<DomainException>());
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    private static string TableAction(ApplicationStatus from, string action) => action switch
    {
        "Submit" => from == ApplicationStatus.InformationRequested ? "Resubmitted" : "Submitted",
        "RequestInformation" => "InformationRequested",
        "StartReview" => "UnderReview",
        "CompleteReview" => "Reviewed",
        "Approve" => "Approved",
        "PlaceOnReserveList" => "ReserveList",
        "Reject" => "NotApproved",
        "Withdraw" => "Withdrawn",
        _ => action,
    };

    private static void Apply(GrantApplication application, string action, Call call)
    {
        switch (action)
        {
            case "Submit": application.Submit(Context(call), "UNVTF-2026-ST-0001", "Amina"); break;
            case "RequestInformation": application.RequestInformation("Please detail the staffing.", Now.AddDays(14), Now); break;
            // After a request for information, screening goes on once the date to respond has passed.
            case "Eligible": application.RecordEligibility(true, null, Now.AddDays(15)); break;
            case "Ineligible": application.RecordEligibility(false, "Outside the eligible region.", Now.AddDays(15)); break;
            case "StartReview": application.StartReview(); break;
            case "CompleteReview": application.CompleteReview(); break;
            case "Approve": application.Approve(); break;
            case "PlaceOnReserveList": application.PlaceOnReserveList(); break;
            case "Reject": application.Reject(); break;
            case "Withdraw": application.Withdraw("No longer needed.", Now); break;
            default: throw new ArgumentOutOfRangeException(nameof(action), action, null);
        }
    }

    /// <summary>An application brought to <paramref name="status"/> through legal moves only.</summary>
    private static GrantApplication InStatus(ApplicationStatus status, Call call)
    {
        var application = GrantApplication.Start(call, Organisation.Register("Safe Haven Trust", "NGA", Now), "Amina", Now);
        application.Edit(CompleteContent(), "Amina", Now);
        var path = status switch
        {
            ApplicationStatus.Draft => [],
            ApplicationStatus.Submitted => ["Submit"],
            ApplicationStatus.InformationRequested => ["Submit", "RequestInformation"],
            ApplicationStatus.Eligible => ["Submit", "Eligible"],
            ApplicationStatus.Ineligible => ["Submit", "Ineligible"],
            ApplicationStatus.UnderReview => ["Submit", "Eligible", "StartReview"],
            ApplicationStatus.Reviewed => ["Submit", "Eligible", "StartReview", "CompleteReview"],
            ApplicationStatus.Approved => ["Submit", "Eligible", "StartReview", "CompleteReview", "Approve"],
            ApplicationStatus.ReserveList => ["Submit", "Eligible", "StartReview", "CompleteReview", "PlaceOnReserveList"],
            ApplicationStatus.NotApproved => ["Submit", "Eligible", "StartReview", "CompleteReview", "Reject"],
            ApplicationStatus.Withdrawn => new[] { "Withdraw" },
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
        foreach (var step in path)
        {
            Apply(application, step, call);
        }

        Assert.That(application.Status, Is.EqualTo(status), "builder reached the status");
        return application;
    }

    private static Call OpenCall()
    {
        var call = Call.Draft(
            new CallTerms
            {
                Code = "ST",
                Title = "Short-term grants",
                WindowType = WindowType.ShortTerm,
                OpensAtUtc = Now.AddDays(-1),
                ClosesAtUtc = Now.AddDays(30),
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 5_000m,
                MaximumAmount = 20_000m,
                MaximumDurationMonths = 9,
                Envelope = 200_000m,
            },
            Now.AddDays(-2));
        call.Publish(Now.AddDays(-2));
        return call;
    }

    private static SubmissionContext Context(Call call) => new(call, true, "Fundación Esperanza", [], Now);

    private static ProposalContent CompleteContent() => new()
    {
        Title = "Shelter and legal aid",
        Language = ProposalLanguage.English,
        Countries = ["NGA"],
        StartDate = new DateOnly(2026, 5, 1),
        DurationMonths = 9,
        AmountRequested = 15_000m,
        TotalProjectCost = 18_000m,
        ContextAndNeeds = "Context.",
        ObjectivesAndActivities = "Objectives.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 30)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        SafeguardingApproach = "Consent and confidentiality.",
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "A shelter.")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter", 6, "month", 2_500m)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };
}
