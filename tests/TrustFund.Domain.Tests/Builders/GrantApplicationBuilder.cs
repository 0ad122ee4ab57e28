using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds an application in any status by taking it through the legal moves that reach it.</summary>
public sealed class GrantApplicationBuilder
{
    public static readonly DateTime Now = CallBuilder.Now;

    public const string Reference = "UNVTF-2026-ST-0001";

    private ApplicationStatus _status = ApplicationStatus.Draft;
    private Call? _call;

    public static GrantApplicationBuilder AnApplication() => new();

    public GrantApplicationBuilder In(ApplicationStatus status)
    {
        _status = status;
        return this;
    }

    /// <summary>The call applied to (by default a published call open now).</summary>
    public GrantApplicationBuilder On(Call call)
    {
        _call = call;
        return this;
    }

    /// <summary>When a request for information built here must be answered by.</summary>
    public static readonly DateTime RespondBy = Now.AddDays(14);

    /// <summary>A context in which every submission rule is met, at <see cref="Now"/>.</summary>
    public static SubmissionContext Context(Call call) => new(call, true, "Safe Harbour Foundation for Survivors", [], Now);

    /// <summary>Content that meets every submission rule of <see cref="CallBuilder.ValidTerms"/>.</summary>
    public static ProposalContent CompleteContent() => new()
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

    public GrantApplication Build()
    {
        var call = _call ?? CallBuilder.ACall().In(CallStatus.Published).Build();
        var organisation = OrganisationBuilder.AnOrganisation().In(OrganisationStatus.Verified).Build();
        var application = GrantApplication.Start(call, organisation, "Amina", Now);
        application.Edit(CompleteContent(), "Amina", Now);
        void Submit() => application.Submit(Context(call), Reference, "Amina");
        Action[] path = _status switch
        {
            ApplicationStatus.Draft => [],
            ApplicationStatus.Submitted => [Submit],
            ApplicationStatus.InformationRequested => [Submit, () => application.RequestInformation("Please detail the staffing.", RespondBy, Now)],
            ApplicationStatus.Eligible => [Submit, () => application.RecordEligibility(true, null, Now)],
            ApplicationStatus.Ineligible => [Submit, () => application.RecordEligibility(false, "Outside the eligible region.", Now)],
            ApplicationStatus.UnderReview => [Submit, () => application.RecordEligibility(true, null, Now), application.StartReview],
            ApplicationStatus.Reviewed => [Submit, () => application.RecordEligibility(true, null, Now), application.StartReview, application.CompleteReview],
            ApplicationStatus.Approved => [Submit, () => application.RecordEligibility(true, null, Now), application.StartReview, application.CompleteReview, application.Approve],
            ApplicationStatus.ReserveList => [Submit, () => application.RecordEligibility(true, null, Now), application.StartReview, application.CompleteReview, application.PlaceOnReserveList],
            ApplicationStatus.NotApproved => [Submit, () => application.RecordEligibility(true, null, Now), application.StartReview, application.CompleteReview, application.Reject],
            ApplicationStatus.Withdrawn => [() => application.Withdraw("No longer needed.", Now)],
        };
        foreach (var step in path)
        {
            step();
        }

        return application.Status == _status
            ? application
            : throw new InvalidOperationException($"The builder reached {application.Status}, not {_status}.");
    }
}
