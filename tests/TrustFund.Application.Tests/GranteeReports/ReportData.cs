using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Tests.GranteeReports;

/// <summary>Grants with their report schedules, made through the domain (as the Board's approval will make them).</summary>
public static class ReportData
{
    private static int _sequence;

    /// <summary>An active grant (40/40/20, bank details verified) of a new organisation, with one interim and one final report.</summary>
    public static async Task<(Grant Grant, Guid OrganisationId, GranteeReport Interim, GranteeReport Final)> GrantAsync(SliceFixture slice, string code, DateOnly? start = null, DateOnly? end = null)
    {
        var submitted = await ScreeningData.SubmittedAsync(slice, code);
        var from = start ?? new DateOnly(2026, 1, 1);
        var to = end ?? new DateOnly(2026, 12, 31);
        return await slice.WithDbAsync(async db =>
        {
            var now = slice.Now;
            var application = await db.Applications.SingleAsync(a => a.Id == submitted.Id);
            application.RecordEligibility(true, null, now);
            application.StartReview();
            application.CompleteReview();
            application.Approve();
            var grant = Grant.Award(application, Money.Usd(10_000m), from, to, 2026, Interlocked.Increment(ref _sequence), "manager@trustfund.test", now);
            grant.PlanInstalments(InstalmentTemplate.Parse("40/40/20"), [from, from.AddDays(1), to]);
            grant.RecordBankDetailsVerified("finance@trustfund.test", now);
            grant.RecordFundSignature(DateOnly.FromDateTime(now), "manager@trustfund.test", now);
            grant.RecordOrganisationSignature(DateOnly.FromDateTime(now), "manager@trustfund.test", now);
            var reports = ReportSchedule.Plan(from, to, ReportScheduleTerms.Default).Select(p => GranteeReport.Schedule(grant.Id, p)).ToList();
            ((ITrustFundDb)db).Grants.Add(grant);
            ((ITrustFundDb)db).GranteeReports.AddRange(reports);
            await db.SaveChangesAsync();
            return (grant, application.OrganisationId, reports.Single(r => r.Kind == ReportKind.Interim), reports.Single(r => r.Kind == ReportKind.Final));
        });
    }

    public static Task<GranteeReport> ReadAsync(SliceFixture slice, Guid reportId) =>
        slice.WithDbAsync(db => ((ITrustFundDb)db).GranteeReports.AsNoTracking().SingleAsync(r => r.Id == reportId));

    /// <summary>
    /// Content meeting every rule, without personal data: 30 persons by sex and age, nationality and
    /// new or continuing; assistance and forms of exploitation each at most 30.
    /// </summary>
    public static ReportContent Valid() => new()
    {
        Narrative = new NarrativeReport(
            "The shelter housed 30 survivors against 25 planned.",
            "Referrals from labour inspectors were slow.",
            "One attempted contact by a recruiter at the shelter; police informed, no one harmed.",
            "Early legal aid shortens shelter stays."),
        Financial = new FinancialReport([new FinancialLine("Shelter nights", Money.Usd(10_000m), Money.Usd(9_500m))], Money.Usd(4_000m)),
        Victims = new VictimCounts
        {
            BySexAndAge = [new(Sex.Female, AgeBand.Age18To24, 10), new(Sex.Female, AgeBand.Age25To59, 15), new(Sex.Male, AgeBand.Age12To17, 5)],
            ByExploitationForm = [new(ExploitationForm.SexualExploitation, 18), new(ExploitationForm.ForcedLabour, 12)],
            ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 20), new(AssistanceType.LegalAidAndRepresentation, 30)],
            ByNationality = [new("566", 24)],
            Stateless = 1,
            NationalityUnknown = 5,
            UniquePersons = 30,
            NewPersons = 22,
            ContinuingPersons = 8,
        },
    };
}
