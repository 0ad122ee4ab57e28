using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Tests.Screenings;

/// <summary>A published call, a verified organisation and its submitted application, made through the domain for the managers' use cases.</summary>
public static class ScreeningData
{
    public static CallTerms Terms(string code, DateTime nowUtc) => new()
    {
        Code = code,
        Title = $"Call {code}",
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = nowUtc.AddDays(-1),
        ClosesAtUtc = nowUtc.AddDays(30),
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 500_000m,
        RegistrationCutoff = new DateOnly(2025, 12, 31),
        MinimumYearsOfExperience = 2,
        AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French],
        RequiredDocuments = [DocumentType.RegistrationCertificate],
    };

    public static ProposalContent Content(string title, decimal amount, string[]? countries = null, AssistanceType[]? assistance = null, int duration = 6, ProposalLanguage language = ProposalLanguage.English, DateOnly? start = null) => new()
    {
        Title = title,
        Language = language,
        Countries = countries ?? ["NGA"],
        StartDate = start ?? new DateOnly(2026, 6, 1),
        DurationMonths = duration,
        AmountRequested = amount,
        TotalProjectCost = amount,
        ContextAndNeeds = "Context of the project.",
        ObjectivesAndActivities = "Objectives and activities.",
        SafeguardingApproach = "Victim-centred approach.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 40)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        Assistance = (assistance ?? [AssistanceType.ShelterAndSafeAccommodation]).Select(a => new AssistanceActivity(a, "How it is delivered.")).ToList(),
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter nights", 1, "lot", amount)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };

    /// <summary>A registration certificate as a version records it.</summary>
    public static SubmittedDocument Certificate() => new(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true);

    /// <summary>A submitted application (version 1, with a registration certificate) of a new verified organisation on a new published call.</summary>
    public static async Task<GrantApplication> SubmittedAsync(SliceFixture slice, string code)
    {
        var now = slice.Now;
        var call = Call.Draft(Terms(code, now), now);
        call.Publish(now);
        var organisation = Organisation.Register($"{code} Partners", "NGA", now);
        organisation.UpdateProfile($"{code} Partners", "NGA", new OrganisationProfile { Type = OrganisationType.Ngo, RegistrationDate = new DateOnly(2015, 3, 1), UnppPartnerId = "UNPP-1", AttestsNotIntermediary = true }, now);
        organisation.Verify(now);
        var application = GrantApplication.Start(call, organisation, "applicant@example.org", now);
        application.Edit(Content($"Project {code}", 10_000m), "applicant@example.org", now);
        application.Submit(new SubmissionContext(call, true, organisation.LegalName, [Certificate()], now), $"{code}-2026-001", "applicant@example.org");
        return await slice.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });
    }

    /// <summary>The Secretariat asks for more information and the organisation resubmits with <paramref name="documents"/> (and its certificate).</summary>
    public static Task<int> ResubmitAsync(SliceFixture slice, Guid applicationId, params SubmittedDocument[] documents) =>
        slice.WithDbAsync(async db =>
        {
            var current = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == applicationId);
            var call = await db.Calls.SingleAsync(c => c.Id == current.CallId);
            var now = slice.Now;
            current.RequestInformation("Please add detail.", now.AddDays(14), now);
            current.Submit(new SubmissionContext(call, true, current.OrganisationName, [Certificate(), .. documents], now), null, "applicant@example.org");
            return await db.SaveChangesAsync();
        });
}
