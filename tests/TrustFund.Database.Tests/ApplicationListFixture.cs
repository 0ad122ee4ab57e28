using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>A fixture's database with one call of 58 submitted applications that tie in every sort value of the list.</summary>
public abstract class ApplicationListFixture : EngineFixture
{
    protected const int Count = 58;

    protected ApplicationListFixture(DatabaseProvider provider)
        : base(provider)
    {
    }

    [OneTimeSetUp]
    public async Task SeedAsync()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var call = TestCalls.Published("SEEK", "Call for the seek", now);
        string[] names = ["Zenith Aid", "Alpha Relief", "Mid Way"];
        var organisations = names.Select(n => Organisation.Register(n, "PER", now)).ToList();
        foreach (var organisation in organisations)
        {
            organisation.Verify(now);
        }

        await using var db = NewContext();
        db.Calls.Add(call);
        db.Organisations.AddRange(organisations);
        for (var i = 0; i < Count; i++)
        {
            // Ties everywhere: 5 amounts, 4 titles, 3 organisations, submissions three at a time.
            var submitted = now.AddMinutes(i / 3);
            var application = GrantApplication.Start(call, organisations[i % 3], "applicant", now);
            application.Edit(Content($"Project {i % 4}", 5_000m + (i % 5 * 100m) + 0.25m), "applicant", now);
            application.Submit(new SubmissionContext(call, true, organisations[i % 3].LegalName, [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true)], submitted), GrantApplication.FormatReference(submitted.Year, call.Code, i + 1), "applicant");
            if (i % 2 == 0)
            {
                application.RecordEligibility(true, null, submitted);
            }

            db.Applications.Add(application);
        }

        await db.SaveChangesAsync();
    }

    private static ProposalContent Content(string title, decimal amount) => new()
    {
        Title = title,
        Language = ProposalLanguage.English,
        Countries = ["PER"],
        StartDate = new DateOnly(2026, 6, 1),
        DurationMonths = 6,
        AmountRequested = amount,
        TotalProjectCost = amount,
        ContextAndNeeds = "Context of the project.",
        ObjectivesAndActivities = "Objectives and activities.",
        SafeguardingApproach = "Victim-centred approach.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 40)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "How it is delivered.")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter nights", 1, "lot", amount)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };
}
