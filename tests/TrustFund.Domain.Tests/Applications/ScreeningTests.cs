using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Applications;

public sealed class ScreeningTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    [Test]
    public void Start_DraftApplication_IsRefused()
    {
        var draft = Application(submit: false);

        var error = Assert.Throws<DomainException>(() => Screening.Start(draft, "manager", Now));

        Assert.That(error!.Code, Is.EqualTo("screening.not-submitted"));
    }

    [Test]
    public void ConfirmGate_WithoutComment_IsRefusedForThatGate()
    {
        var screening = Screening.Start(Application(), "manager", Now);

        var error = Assert.Throws<RulesViolatedException>(() => screening.ConfirmGate(EligibilityGate.OnTime, true, " ", "manager", Now));

        Assert.That(error!.Violations.Single().Field, Is.EqualTo(nameof(EligibilityGate.OnTime)));
        Assert.That(screening.Gates, Is.Empty);
    }

    [Test]
    public void ConfirmGate_Again_ReplacesTheEarlierResult()
    {
        var screening = Screening.Start(Application(), "manager", Now);

        screening.ConfirmGate(EligibilityGate.NonProfit, false, "Company", "first", Now);
        screening.ConfirmGate(EligibilityGate.NonProfit, true, "Certificate shows an association", "second", Now.AddMinutes(1));

        var result = screening.ResultOf(EligibilityGate.NonProfit)!;
        Assert.That(screening.Gates, Has.Count.EqualTo(1));
        Assert.That((result.Passed, result.ConfirmedBy), Is.EqualTo((true, "second")));
    }

    [Test]
    public void Decide_WithUnconfirmedGates_ListsEachOne()
    {
        var application = Application();
        var screening = Screening.Start(application, "manager", Now);
        screening.ConfirmGate(EligibilityGate.OnTime, true, "ok", "manager", Now);

        var error = Assert.Throws<RulesViolatedException>(() => screening.Decide(application, ScreeningOutcome.Eligible, null, "manager", Now));

        Assert.That(error!.Violations.Select(v => v.Field), Is.EqualTo(Screening.AllGates.Skip(1).Select(g => g.ToString())));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public void Decide_EligibleWithAFailedGate_IsRefusedNamingTheGate()
    {
        var application = Application();
        var screening = AllConfirmed(application, failed: EligibilityGate.UnppPartnerId);

        var error = Assert.Throws<DomainException>(() => screening.Decide(application, ScreeningOutcome.Eligible, null, "manager", Now));

        Assert.That(error!.Message, Is.EqualTo("The application cannot be recorded as eligible because 1 gate failed: UNPP Partner ID present."));
        Assert.That(screening.IsDecided, Is.False);
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public void Decide_IneligibleWithoutReason_IsRefused()
    {
        var application = Application();
        var screening = AllConfirmed(application, failed: EligibilityGate.NotIntermediary);

        var error = Assert.Throws<RulesViolatedException>(() => screening.Decide(application, ScreeningOutcome.Ineligible, "  ", "manager", Now));

        Assert.That(error!.Violations.Single().Field, Is.EqualTo("Reason"));
        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public void Decide_EligibleWhenEveryGatePassed_MovesTheApplicationAndCloses()
    {
        var application = Application();
        var screening = AllConfirmed(application);

        screening.Decide(application, ScreeningOutcome.Eligible, null, "manager", Now);

        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Eligible));
        Assert.That((screening.Outcome, screening.DecidedBy), Is.EqualTo(((ScreeningOutcome?)ScreeningOutcome.Eligible, "manager")));
        Assert.Throws<DomainException>(() => screening.ConfirmGate(EligibilityGate.OnTime, false, "late after all", "manager", Now));
        Assert.Throws<DomainException>(() => screening.Decide(application, ScreeningOutcome.Ineligible, "no", "manager", Now));
    }

    [Test]
    public void Decide_Ineligible_RecordsTheReasonOnTheApplication()
    {
        var application = Application();
        var screening = AllConfirmed(application, failed: EligibilityGate.BankAccountInOwnName);

        screening.Decide(application, ScreeningOutcome.Ineligible, "Account held by the director personally.", "manager", Now);

        Assert.That(application.Status, Is.EqualTo(ApplicationStatus.Ineligible));
        Assert.That(application.IneligibilityReason, Is.EqualTo("Account held by the director personally."));
    }

    [Test]
    public void Decide_WhileInformationIsRequested_IsAnIllegalTransition()
    {
        var application = Application();
        var screening = AllConfirmed(application);
        application.RequestInformation("Send the budget breakdown.", Now.AddDays(14), Now);

        Assert.Throws<DomainException>(() => screening.Decide(application, ScreeningOutcome.Eligible, null, "manager", Now));
        Assert.That(screening.IsDecided, Is.False);
    }

    [Test]
    public void Edit_CopiesCountriesAndAssistanceIntoFilterIndexes()
    {
        var application = Application(submit: false);

        application.Edit(Content() with { Countries = ["gha", "TGO"], Assistance = [new AssistanceActivity(AssistanceType.MedicalCare, "x"), new AssistanceActivity(AssistanceType.Education, "y")] }, "a", Now);

        Assert.That(application.CountryIndex, Is.EqualTo("|GHA|TGO|"));
        Assert.That(application.AssistanceIndex, Is.EqualTo("|MedicalCare|Education|"));
        Assert.That(application.CountryIndex, Does.Contain(GrantApplication.IndexTerm("TGO")));
    }

    private static Screening AllConfirmed(GrantApplication application, EligibilityGate? failed = null)
    {
        var screening = Screening.Start(application, "manager", Now);
        foreach (var gate in Screening.AllGates)
        {
            screening.ConfirmGate(gate, gate != failed, "checked", "manager", Now);
        }

        return screening;
    }

    private static GrantApplication Application(bool submit = true)
    {
        var call = Call.Draft(
            new CallTerms
            {
                Code = "ST",
                Title = "Short-term",
                WindowType = WindowType.ShortTerm,
                OpensAtUtc = Now.AddDays(-1),
                ClosesAtUtc = Now.AddDays(30),
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 5_000m,
                MaximumAmount = 20_000m,
                MaximumDurationMonths = 9,
                Envelope = 100_000m,
            },
            Now);
        call.Publish(Now);
        var application = GrantApplication.Start(call, Organisation.Register("Safe Haven Trust", "NGA", Now), "applicant", Now);
        application.Edit(Content(), "applicant", Now);
        if (submit)
        {
            application.Submit(new SubmissionContext(call, true, "Safe Haven Trust", [], Now), GrantApplication.FormatReference(Now.Year, call.Code, 1), "applicant");
        }

        return application;
    }

    private static ProposalContent Content() => new()
    {
        Title = "Shelter",
        Language = ProposalLanguage.English,
        Countries = ["NGA"],
        StartDate = new DateOnly(2026, 6, 1),
        DurationMonths = 6,
        AmountRequested = 10_000m,
        TotalProjectCost = 10_000m,
        ContextAndNeeds = "Context",
        ObjectivesAndActivities = "Objectives",
        SafeguardingApproach = "Approach",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 10)],
        ExploitationForms = [ExploitationForm.ForcedLabour],
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "Beds")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Beds", 1, "lot", 10_000m)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };
}
