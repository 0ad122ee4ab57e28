using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Applications;
using TrustFund.Application.Files;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Demo;

public static partial class DemoData
{
    /// <summary>The code of the demo call under technical review.</summary>
    public const string ReviewCallCode = "RI";

    /// <summary>
    /// A closed call under technical review (envelope USD 120,000, which runs out within the ranking): five eligible applications of organisations
    /// from Nigeria, Jordan, Cambodia, Peru and Senegal, two reviewers per application, and the demo
    /// reviewer's assignments in every state: submitted (two, one of them disagreeing with the second
    /// reviewer by 40 points, fund against reject), a draft, a declared conflict and one waiting for a
    /// declaration. The Senegalese organisation lists the second reviewer's namesake among its officers,
    /// so assigning her is flagged as a probable conflict. Does nothing once the call exists.
    /// </summary>
    public static async Task SeedReviewsAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var references = scope.ServiceProvider.GetRequiredService<IReferenceNumbers>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

        var reviewers = await db.Users.AsNoTracking()
            .Where(u => u.Email == "reviewer@trustfund.test" || u.Email == "reviewer2@trustfund.test")
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .ToListAsync(cancellationToken);
        if (reviewers.Count != 2 || await db.Calls.AnyAsync(c => c.Code == ReviewCallCode, cancellationToken))
        {
            return;
        }

        // Published, answered and closed in the past: applications can only be started while a call is open.
        var closes = now.Date.AddDays(-30).AddHours(22);
        var call = Call.Draft(
            new CallTerms
            {
                Code = ReviewCallCode,
                Title = "Reintegration and economic empowerment of survivors",
                WindowType = WindowType.MediumTerm,
                Description = "Projects of up to 24 months helping survivors of trafficking rebuild their lives: safe return, vocational training, livelihoods and legal follow-up.",
                OpensAtUtc = closes.AddDays(-90),
                ClosesAtUtc = closes,
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 20_000m,
                MaximumAmount = 100_000m,
                MaximumDurationMonths = 24,
                Envelope = 120_000m,
                EligibleAreas = ["002", "142", "419"],
                MinimumYearsOfExperience = 2,
                AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish, ProposalLanguage.Arabic],
                RequiredDocuments = [DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements],
                ReviewersPerApplication = 2,
                TrancheTemplate = DefaultRubric.TranchesFor(WindowType.MediumTerm),
            },
            closes.AddDays(-100));
        call.Publish(closes.AddDays(-90));
        db.Calls.Add(call);
        var first = reviewers.Single(r => r.Email == "reviewer@trustfund.test");
        var second = reviewers.Single(r => r.Email == "reviewer2@trustfund.test");
        var submittedAt = call.Terms.ClosesAtUtc.AddDays(-10);
        var today = DateOnly.FromDateTime(now);

        (string Name, string Country, string Title, string Locations)[] projects =
        [
            ("Lagos Women's Rescue Network", "NGA", "Shelter and legal aid for women trafficked to Europe and back", "Lagos and Edo states"),
            ("جمعية الأمل لحماية ضحايا الاتجار بالبشر", "JOR", "Legal counsel for migrant domestic workers held in forced labour", "Amman and Zarqa"),
            ("柬埔寨妇女儿童救助中心", "KHM", "Safe return and reintegration of fishermen trafficked at sea", "Phnom Penh and Sihanoukville"),
            ("Asociación Caminos de Libertad", "PER", "Psychosocial care for adolescents exploited in illegal mining", "Madre de Dios"),
            ("Association Sénégalaise pour la Dignité des Enfants", "SEN", "Protection of talibé children forced to beg", "Dakar and Saint-Louis"),
        ];
        var applications = new List<GrantApplication>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken); // the call, with its reference sequence
        foreach (var (name, country, title, locations) in projects)
        {
            var organisation = Organisation.Register(name, country, submittedAt.AddYears(-4));
            if (country == "SEN")
            {
                organisation.UpdateProfile(name, country, organisation.Profile with
                {
                    Officers = [new OrganisationOfficer(second.DisplayName, "Board member", "mei.lin@example.org"), new OrganisationOfficer("Awa Ndiaye", "Executive director", "awa.ndiaye@example.org")],
                }, submittedAt.AddYears(-3));
            }

            organisation.Verify(submittedAt.AddYears(-3));
            db.Organisations.Add(organisation);
            var application = GrantApplication.Start(call, organisation, "Demo applicant", submittedAt.AddDays(-5));
            application.Edit(CompleteContent(call, submittedAt, title) with { Countries = [country], Locations = locations }, "Demo applicant", submittedAt.AddDays(-5));
            db.Applications.Add(application);
            var attached = await AttachRequiredDocumentsAsync(db, files, call, organisation.Id, application.Id, "Demo applicant", submittedAt, cancellationToken);
            var context = new SubmissionContext(call, true, organisation.LegalName, attached, submittedAt);
            application.Submit(context, await references.TakeAsync(call, submittedAt, cancellationToken), "Demo applicant");
            application.RecordEligibility(true, null, submittedAt.AddDays(15));
            applications.Add(application);
        }

        call.Close(closes.AddMinutes(1));
        call.ChangeReviewSettings(2, 21, 25, 50, true, RankingBasis.Normalised);

        ReviewAssignment Assign(GrantApplication application, Guid reviewer, string name, int dueInDays) =>
            ReviewAssignment.Assign(application, reviewer, name, today.AddDays(dueInDays), "manager@trustfund.test", now.AddDays(-7));
        var terms = call.Terms;
        IReadOnlyList<CriterionScore> Scores(int score, string comment) => [.. terms.Rubric.Select(c => new CriterionScore(c.Key, score, comment))];
        void Submit(ReviewAssignment assignment, int score, Recommendation recommendation, string summary)
        {
            assignment.DeclareNoConflict(now.AddDays(-6));
            assignment.Submit(terms, Scores(score, summary), recommendation, summary, now.AddDays(-2));
        }

        var assignments = new List<ReviewAssignment>();
        var (nigeria, jordan, cambodia, peru, senegal) = (applications[0], applications[1], applications[2], applications[3], applications[4]);

        // Nigeria: the reviewers disagree (80 against 40, fund against reject).
        var a1 = Assign(nigeria, first.Id, first.DisplayName, 14);
        Submit(a1, 4, Recommendation.Fund, "Strong referral network with the police and a credible shelter plan.");
        var a2 = Assign(nigeria, second.Id, second.DisplayName, 14);
        Submit(a2, 2, Recommendation.Reject, "The budget leaves the legal aid understaffed and the risk plan is thin.");

        // Jordan: both recommend funding.
        var a3 = Assign(jordan, first.Id, first.DisplayName, 14);
        Submit(a3, 4, Recommendation.Fund, "Clear legal strategy and experienced counsel.");
        var a4 = Assign(jordan, second.Id, second.DisplayName, 14);
        Submit(a4, 5, Recommendation.Fund, "Excellent; the shelter agreement with the ministry is in place.");

        // Cambodia: a draft, and the second reviewer is late.
        var a5 = Assign(cambodia, first.Id, first.DisplayName, 10);
        a5.DeclareNoConflict(now.AddDays(-5));
        a5.SaveDraft(terms, [new CriterionScore(terms.Rubric[0].Key, 3, "Relevant, but the caseload estimate needs checking.")], null, null, now.AddDays(-1));
        var a6 = Assign(cambodia, second.Id, second.DisplayName, -2);

        // Peru: the demo reviewer declared a conflict; the second reviewer submitted.
        var a7 = Assign(peru, first.Id, first.DisplayName, 14);
        a7.DeclareConflict(ConflictType.Personal, "I advised this association on its previous grant.", now.AddDays(-6));
        var a8 = Assign(peru, second.Id, second.DisplayName, 14);
        Submit(a8, 3, Recommendation.Reserve, "Sound approach; the mining areas make follow-up costly.");

        // Senegal: waiting for the demo reviewer's declaration (the second reviewer is a probable conflict).
        var a9 = Assign(senegal, first.Id, first.DisplayName, 21);
        assignments.AddRange([a1, a2, a3, a4, a5, a6, a7, a8, a9]);
        db.ReviewAssignments.AddRange(assignments);
        foreach (var application in applications)
        {
            ReviewProgress.Settle(application, assignments.Where(a => a.ApplicationId == application.Id), terms.ReviewersPerApplication);
        }

        call.LockRubric(now.AddDays(-2));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
