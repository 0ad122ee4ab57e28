using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Applications;
using TrustFund.Application.Files;
using TrustFund.Application.Grants;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Demo;

public static partial class DemoData
{
    /// <summary>The code of the demo call the Board has decided.</summary>
    public const string DecidedCallCode = "DC";

    /// <summary>The reporting terms of the demo grants: two interim reports due 30 days after their periods, the final 60 days after the end.</summary>
    private static readonly ReportScheduleTerms DemoReportTerms = new(InterimReports: 2, InterimDaysAfterPeriod: 30, FinalDaysAfterEnd: 60);

    /// <summary>
    /// A call the Board decided at two sessions, after the demo applications exist: at the 12th session
    /// the demo applicant's application (ranked first) and a Peruvian one approved, a Cambodian one on the
    /// reserve list and a Jordanian one not approved (feedback released); at the 13th, ten days ago, the
    /// Cambodian one approved from the reserve list. Their grants:
    /// <list type="bullet">
    /// <item>the demo applicant's, active for 14 months of 18: the first instalment paid, the second
    /// requested by the fund manager (its interim report accepted) and awaiting the finance officer's
    /// approval, the third awaiting the final report; the second interim report overdue, the final due;</item>
    /// <item>the Peruvian one, active for 7 months of 12: the first instalment paid, its first interim
    /// report submitted and awaiting the fund manager's review;</item>
    /// <item>the Cambodian one, awaiting both signatures (bank details not yet verified).</item>
    /// </list>
    /// Does nothing once the call exists, or without the demo accounts.
    /// </summary>
    public static async Task SeedGrantsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var references = scope.ServiceProvider.GetRequiredService<IReferenceNumbers>();
        var grantNumbers = scope.ServiceProvider.GetRequiredService<IGrantNumbers>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        string[] emails = [Users[0].Email, "manager@trustfund.test", "finance@trustfund.test"];
        var people = await db.Users.AsNoTracking()
            .Where(u => emails.Contains(u.Email))
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.OrganisationId })
            .ToListAsync(cancellationToken);
        var applicant = people.SingleOrDefault(p => p.Email == emails[0]);
        var manager = people.SingleOrDefault(p => p.Email == emails[1]);
        var finance = people.SingleOrDefault(p => p.Email == emails[2]);
        if (applicant?.OrganisationId is not { } demoOrganisationId || manager is null || finance is null
            || await db.Calls.AnyAsync(c => c.Code == DecidedCallCode, cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(now);
        DateTime At(DateOnly day, int hour = 10) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        var opens = now.Date.AddMonths(-20).AddHours(9);
        var closes = now.Date.AddMonths(-18).AddHours(22);
        var call = Call.Draft(
            new CallTerms
            {
                Code = DecidedCallCode,
                Title = "Community-based assistance and reintegration of survivors",
                WindowType = WindowType.MediumTerm,
                Description = "Projects of up to 24 months giving survivors of trafficking shelter, legal aid and a way back to work.",
                OpensAtUtc = opens,
                ClosesAtUtc = closes,
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 20_000m,
                MaximumAmount = 100_000m,
                MaximumDurationMonths = 24,
                Envelope = 150_000m,
                MinimumYearsOfExperience = 2,
                AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish],
                RequiredDocuments = [DocumentType.RegistrationCertificate],
                ReviewersPerApplication = 2,
                TrancheTemplate = DefaultRubric.TranchesFor(WindowType.MediumTerm),
            },
            opens.AddDays(-10));
        call.Publish(opens);
        db.Calls.Add(call);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the call, with its reference sequence

        var demoOrganisation = await db.Organisations.SingleAsync(o => o.Id == demoOrganisationId, cancellationToken);
        (string Name, string Country, string Title, string Locations)[] others =
        [
            ("Asociación Manos Unidas contra la Trata", "PER", "Legal aid and vocational training for survivors of labour trafficking", "Lima and Cusco"),
            ("Mekong Safe Return Network", "KHM", "Safe return and family reintegration of trafficked fishermen", "Phnom Penh and Kampot"),
            ("Jordanian Centre for Migrant Workers' Rights", "JOR", "Shelter and legal counsel for domestic workers in forced labour", "Amman"),
        ];
        var submittedAt = closes.AddDays(-10);
        var applications = new List<GrantApplication>();
        var ranked = new List<RankedCandidate>();
        for (var i = 0; i <= others.Length; i++)
        {
            Organisation organisation;
            string title;
            string? country = null;
            string? locations = null;
            if (i == 0)
            {
                organisation = demoOrganisation;
                title = "Shelter, legal aid and reintegration for survivors in Lagos";
            }
            else
            {
                (var name, country, title, locations) = others[i - 1];
                organisation = Organisation.Register(name, country, submittedAt.AddYears(-5));
                organisation.Verify(submittedAt.AddYears(-4));
                db.Organisations.Add(organisation);
            }

            var application = GrantApplication.Start(call, organisation, "Demo applicant", submittedAt.AddDays(-5));
            var content = CompleteContent(call, submittedAt, title);
            application.Edit(country is null ? content : content with { Countries = [country], Locations = locations ?? string.Empty }, "Demo applicant", submittedAt.AddDays(-5));
            db.Applications.Add(application);
            var attached = await AttachRequiredDocumentsAsync(db, files, call, organisation.Id, application.Id, "Demo applicant", submittedAt, cancellationToken);
            var verified = organisation.Status == OrganisationStatus.Verified;
            application.Submit(new SubmissionContext(call, verified, organisation.LegalName, attached, submittedAt), await references.TakeAsync(call, submittedAt, cancellationToken), "Demo applicant");
            application.RecordEligibility(true, null, submittedAt.AddDays(15));
            application.StartReview();
            application.CompleteReview();
            applications.Add(application);
            ranked.Add(new RankedCandidate(application.Id, application.Reference!, Money.Usd(application.AmountRequested!.Value), true));
        }

        call.Close(closes.AddMinutes(1));
        await db.SaveChangesAsync(cancellationToken); // the applications, which the decisions' notifications read
        var (lagos, lima, mekong, amman) = (applications[0], applications[1], applications[2], applications[3]);

        // The Board decides: the 12th session two months after the call closed, the 13th ten days ago.
        var twelfthOn = DateOnly.FromDateTime(closes).AddMonths(2);
        var twelfth = BoardSession.Record(call.Id, "12th session", twelfthOn, manager.DisplayName, At(twelfthOn, 15));
        var context = new DecisionContext(Money.Usd(call.Terms.Envelope), ranked, []);
        var decidedAt = At(twelfthOn, 16);
        twelfth.Decide(lagos, new ProposedDecision(lagos.Id, DecisionOutcome.Approved, Money.Usd(lagos.AmountRequested!.Value), "Narrative and financial reports every six months."), context, manager.DisplayName, decidedAt);
        twelfth.Decide(lima, new ProposedDecision(lima.Id, DecisionOutcome.Approved, Money.Usd(lima.AmountRequested!.Value - 5_000m), "The training budget is reduced by USD 5,000."), context, manager.DisplayName, decidedAt.AddMinutes(5));
        twelfth.Decide(mekong, new ProposedDecision(mekong.Id, DecisionOutcome.ReserveList), context, manager.DisplayName, decidedAt.AddMinutes(10));
        twelfth.Decide(amman, new ProposedDecision(amman.Id, DecisionOutcome.NotApproved, Feedback: "The Board found the shelter plan sound, but the project duplicates services already funded in Amman."), context, manager.DisplayName, decidedAt.AddMinutes(15));
        twelfth.ReleaseFeedback(amman.Id, manager.DisplayName, decidedAt.AddDays(1));
        var thirteenthOn = today.AddDays(-10);
        var thirteenth = BoardSession.Record(call.Id, "13th session", thirteenthOn, manager.DisplayName, At(thirteenthOn, 15));
        thirteenth.Decide(mekong, new ProposedDecision(mekong.Id, DecisionOutcome.Approved, Money.Usd(40_000m)), context with { OtherSessions = [.. twelfth.ToPriorDecisions()] }, manager.DisplayName, At(thirteenthOn, 16));
        db.BoardSessions.AddRange(twelfth, thirteenth);

        var callYear = opens.Year;
        async Task<Grant> AwardAsync(GrantApplication application, Money amount, DateOnly start, DateOnly end, DateTime awardedAt)
        {
            var grant = Grant.Award(application, amount, start, end, callYear, await grantNumbers.TakeAsync(callYear, cancellationToken), manager.DisplayName, awardedAt);
            var percentages = call.Terms.TrancheTemplate.Select(p => (decimal)p).ToList();
            var quarter = (end.DayNumber - start.DayNumber) / percentages.Count;
            grant.PlanInstalments(InstalmentTemplate.Of(percentages), [.. percentages.Select((_, k) => start.AddDays(k * quarter))]);
            db.Grants.Add(grant);
            db.GranteeReports.AddRange(ReportSchedule.Plan(start, end, DemoReportTerms).Select(p => GranteeReport.Schedule(grant.Id, p)));
            return grant;
        }

        void Sign(Grant grant, DateOnly on)
        {
            grant.RecordBankDetailsVerified(finance.DisplayName, At(on.AddDays(-2)));
            grant.RecordFundSignature(on, manager.DisplayName, At(on));
            grant.RecordOrganisationSignature(on, manager.DisplayName, At(on, 11));
        }

        void Pay(Grant grant, Instalment instalment, ReleaseFacts facts, DateOnly requestedOn, string reference)
        {
            grant.RequestRelease(instalment.Id, facts, [], manager.Id, manager.DisplayName, [], At(requestedOn));
            grant.ApproveRelease(instalment.Id, finance.Id, finance.DisplayName, [], At(requestedOn.AddDays(1)));
            grant.RecordPayment(instalment.Id, instalment.Amount, requestedOn.AddDays(3), reference, finance.Id, finance.DisplayName, [], At(requestedOn.AddDays(3)));
        }

        // Lagos: active for 14 months of 18.
        var lagosStart = today.AddMonths(-14);
        var lagosGrant = await AwardAsync(lagos, Money.Usd(lagos.AmountRequested!.Value), lagosStart, lagosStart.AddMonths(18), decidedAt.AddDays(7));
        Sign(lagosGrant, lagosStart.AddDays(-10));
        Pay(lagosGrant, lagosGrant.Instalments[0], ReleaseFacts.None, lagosStart, "PAY-LAGOS-0001");
        var lagosReports = db.ChangeTracker.Entries<GranteeReport>().Select(e => e.Entity).Where(r => r.GrantId == lagosGrant.Id).OrderBy(r => r.DueOn).ToList();
        var firstInterim = lagosReports[0];
        var receivedAt = At(firstInterim.DueOn.AddDays(-5));
        firstInterim.Submit(DemoReport(lagosGrant.Instalments[0].Amount), false, applicant.DisplayName, receivedAt);
        firstInterim.Accept(manager.DisplayName, receivedAt.AddDays(4));
        lagosGrant.RequestRelease(lagosGrant.Instalments[1].Id, new ReleaseFacts(true, false, []), [], manager.Id, manager.DisplayName, [], now.AddDays(-2));

        // Lima: active for 7 months of 12, its first interim report waiting for review.
        var limaStart = today.AddMonths(-7);
        var limaGrant = await AwardAsync(lima, Money.Usd(lima.AmountRequested!.Value - 5_000m), limaStart, limaStart.AddMonths(12), decidedAt.AddDays(8));
        Sign(limaGrant, limaStart.AddDays(-7));
        Pay(limaGrant, limaGrant.Instalments[0], ReleaseFacts.None, limaStart, "PAY-LIMA-0001");
        var limaInterim = db.ChangeTracker.Entries<GranteeReport>().Select(e => e.Entity).Where(r => r.GrantId == limaGrant.Id).OrderBy(r => r.DueOn).First();
        limaInterim.Submit(DemoReport(limaGrant.Instalments[0].Amount), false, "Demo applicant", now.AddDays(-3));

        // Mekong: approved from the reserve list ten days ago, awaiting both signatures.
        var mekongStart = today.AddMonths(1);
        await AwardAsync(mekong, Money.Usd(40_000m), mekongStart, mekongStart.AddMonths(12), At(thirteenthOn.AddDays(2)));

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A complete report of a first period: narrative, finances against the funds received, and 24 persons assisted (counts only).</summary>
    private static ReportContent DemoReport(Money received)
    {
        var shelter = decimal.Round(received.Amount * 0.55m, 2);
        var staff = decimal.Round(received.Amount * 0.35m, 2);
        return new ReportContent
        {
            Narrative = new NarrativeReport(
                "The shelter received 24 survivors against 20 planned; 15 started vocational training.",
                "Court hearings were postponed twice, which lengthened shelter stays.",
                "One attempted contact by a recruiter near the shelter; the police were informed and no one was harmed.",
                "Legal aid from the first week shortens shelter stays."),
            Financial = new FinancialReport(
                [
                    new FinancialLine("Shelter running costs", Money.Usd(shelter), Money.Usd(decimal.Round(shelter * 0.9m, 2))),
                    new FinancialLine("Lawyer and social worker", Money.Usd(staff), Money.Usd(staff)),
                ],
                received),
            Victims = new VictimCounts
            {
                BySexAndAge = [new(Sex.Female, AgeBand.Age12To17, 6), new(Sex.Female, AgeBand.Age18To24, 14), new(Sex.Male, AgeBand.Age18To24, 4)],
                ByExploitationForm = [new(ExploitationForm.SexualExploitation, 18), new(ExploitationForm.ForcedLabour, 6)],
                ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 20), new(AssistanceType.LegalAidAndRepresentation, 24)],
                ByNationality = [new("566", 21), new("288", 2)],
                NationalityUnknown = 1,
                UniquePersons = 24,
                NewPersons = 24,
                ContinuingPersons = 0,
            },
        };
    }
}
