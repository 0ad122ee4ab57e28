using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Files;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Security;

/// <summary>Records the hostile-input tests work on: the security matrix samples plus editable ones, and another organisation's.</summary>
public static class HostileData
{
    /// <summary>
    /// The matrix samples, except that applicant pages use a draft application (with a document) so
    /// its section forms are shown, and user pages a throwaway reviewer (not the administrator signed in).
    /// </summary>
    public static async Task<RouteSamples> SamplesAsync(TrustFundApp app)
    {
        var samples = await RouteSamples.CreateAsync(app);
        var call = await FundData.PublishedCallAsync(app, "HX");
        var draft = await FundData.ApplicationAsync(app, call.Id, samples.OrganisationId, FundData.Content("Draft under attack", 10_000m), submit: false);
        var document = await DocumentAsync(app, samples.OrganisationId, draft.Id, "draft-plan.pdf");
        samples.Values["/Applications:id"] = draft.Id.ToString();
        samples.Values["/Applications:attachmentId"] = document.ToString();
        var user = await TestAccounts.CreateUserAsync(app, Roles.Reviewer);
        samples.Values["id"] = user.Id.ToString();
        return samples;
    }

    /// <summary>
    /// Records in the states whose forms appear nowhere else, for the crawler to visit: a deactivated
    /// user (Reactivate), a draft call (Publish), the second demo organisation still waiting for
    /// verification (Verify, Reject), a review the demo reviewer may score; and an account with two-factor sign-in, for the sign-in code pages.
    /// </summary>
    public static async Task ReachOtherStatesAsync(TrustFundApp app, FormCrawler crawler)
    {
        var deactivated = await TestAccounts.CreateUserAsync(app, Roles.Reviewer);
        await app.WithDbAsync(db => db.Users.Where(u => u.Id == deactivated.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false)));
        var draft = await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var call = Call.Draft(FundData.Terms("HD", now), now);
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });
        var pending = await FundData.DemoOrganisationIdAsync(app, "applicant2@trustfund.test");
        var toScore = await ReviewWebData.AssignedAsync(app, "reviewer@trustfund.test", "HRV", declareNoConflict: true);
        crawler.OtherPages.AddRange(
        [
            (Roles.Reviewer, $"/Reviews/{toScore.AssignmentId:D}"),
            (Roles.Administrator, $"/Admin/Users/{deactivated.Id:D}"),
            (Roles.FundManager, $"/Manage/Calls/{draft:D}"),
            (Roles.FundManager, $"/Manage/Organisations/{pending:D}"),
            (Roles.Administrator, $"/Manage/Organisations/{pending:D}"),
        ]);
        crawler.SigningInEmail = (await TestAccounts.CreateUserAsync(app, Roles.FundManager)).Email;
        crawler.OtherPages.Add((Roles.FundManager, $"/Manage/Applications/{await UnderReviewAsync(app):D}/Reviewers"));
    }

    /// <summary>
    /// An application under review whose reviewers page shows every form: an open assignment (due date,
    /// take back), a submitted review (reopen), a probable conflict (confirm, dismiss), reviewers to
    /// assign or pin a conflict with.
    /// </summary>
    private static async Task<Guid> UnderReviewAsync(TrustFundApp app)
    {
        var call = await FundData.PublishedCallAsync(app, "HR");
        var organisation = await FundData.OrganisationAsync(app, "Hostile Review Org", profile: p => p with { Officers = [new OrganisationOfficer("Mei Lin", "Treasurer", string.Empty)] });
        var application = await FundData.ApplicationAsync(app, call.Id, organisation.Id, FundData.Content("Reviewed under attack", 10_000m));
        var scorer = await TestAccounts.CreateUserAsync(app, Roles.Reviewer);
        await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            tracked.RecordEligibility(true, null, now);
            var reviewer = await db.Users.SingleAsync(u => u.Email == "reviewer@trustfund.test");
            var due = DateOnly.FromDateTime(now).AddDays(10);
            db.ReviewAssignments.Add(ReviewAssignment.Assign(tracked, reviewer.Id, reviewer.DisplayName, due, "manager@trustfund.test", now));
            var submitted = ReviewAssignment.Assign(tracked, scorer.Id, scorer.DisplayName, due, "manager@trustfund.test", now);
            submitted.DeclareNoConflict(now);
            submitted.Submit(call.Terms, [.. call.Terms.Rubric.Select(c => new CriterionScore(c.Key, 3, "Fair."))], Recommendation.Reserve, "Sound.", now);
            db.ReviewAssignments.Add(submitted);
            return await db.SaveChangesAsync();
        });
        return application.Id;
    }

    /// <summary>Records of the second demo organisation (applicant2@): an application with a document, an organisation document, a question.</summary>
    public static async Task<OtherOrganisation> OtherOrganisationAsync(TrustFundApp app, RouteSamples samples)
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(app, "applicant2@trustfund.test");
        var member = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "applicant2@trustfund.test").Select(u => u.Id).SingleAsync());
        var call = await FundData.PublishedCallAsync(app, "OX");
        var draft = await FundData.ApplicationAsync(app, call.Id, organisationId, FundData.Content("Another organisation's draft", 12_000m), submit: false);
        var applicationDocument = await DocumentAsync(app, organisationId, draft.Id, "other-plan.pdf");
        var organisationDocument = await DocumentAsync(app, organisationId, null, "other-certificate.pdf");
        var question = await app.WithDbAsync(async db =>
        {
            var stCall = await db.Calls.SingleAsync(c => c.Id == samples.CallId);
            var asked = ClarificationQuestion.Ask(stCall, organisationId, member, "applicant2@trustfund.test", "May we include transport costs?", app.Clock.GetUtcNow().UtcDateTime);
            db.ClarificationQuestions.Add(asked);
            await db.SaveChangesAsync();
            return asked.Id;
        });
        var grant = await Grants.GrantWebData.GrantAsync(app, organisationId, "OXG");
        return new OtherOrganisation(organisationId, call.Id, draft.Id, applicationDocument, organisationDocument, question, member, grant);
    }

    public static async Task<Guid> DocumentAsync(TrustFundApp app, Guid organisationId, Guid? applicationId, string name) =>
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var pdf = System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {name}\n%%EOF\n");
            var key = Guid.NewGuid();
            db.StoredFiles.Add(new StoredFile { Key = key, Content = pdf, StoredAtUtc = now });
            var attachment = Attachment.Record(organisationId, applicationId, DocumentType.Other, name, "application/pdf", pdf.Length, new string('0', 64), key, now, "applicant@trustfund.test");
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });
}
