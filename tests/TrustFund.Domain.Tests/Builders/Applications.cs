using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Complete applications on a published call, drafted or submitted at <see cref="PublishedCalls.Now"/>.</summary>
public static class Applications
{
    public static readonly SubmittedDocument Certificate = new(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 12_345, new string('a', 64), true);

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

    public static GrantApplication Draft(Call call, Organisation? organisation = null)
    {
        var application = GrantApplication.Start(call, organisation ?? OrganisationBuilder.AnOrganisation().Named("Casa Esperanza").In(OrganisationStatus.Verified).Build(), "Amina", PublishedCalls.Now);
        application.Edit(CompleteContent(), "Amina", PublishedCalls.Now);
        return application;
    }

    public static SubmissionContext Context(Call call, DateTime? now = null, string organisationName = "Casa Esperanza") =>
        new(call, true, organisationName, [Certificate], now ?? PublishedCalls.Now);

    public static GrantApplication Submitted(Call call)
    {
        var application = Draft(call);
        application.Submit(Context(call), "UNVTF-2026-ST-0001", "Amina");
        application.TakeEvents();
        return application;
    }
}
