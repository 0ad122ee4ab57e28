using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

public sealed class OrganisationVerificationTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("manager@trustfund.test")]
    [TestCase("admin@trustfund.test")]
    public async Task Verify_PendingOrganisation_BecomesVerifiedAndMembersAreEmailed(string verifier)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Pending {verifier}", verified: false);
        await AddMemberAsync(organisation.Id, $"member-{verifier}");
        using var session = await _app.SignInAsync(verifier);

        var response = await PostDecisionAsync(session, organisation.Id, "Verify", "");

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Organisations/{organisation.Id}"), Is.True, await response.Content.ReadAsStringAsync());
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.Verified));
        var emails = await FundData.EmailsToAsync(_app, $"member-{verifier}");
        Assert.That(emails.Single().Subject, Does.Contain("is verified"));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.OrganisationVerified && e.EntityId == organisation.Id.ToString())), Is.EqualTo(1));
    }

    [Test]
    public async Task Reject_WithoutReason_IsRefusedAndNothingChanges()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Reject without reason", verified: false);
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await PostDecisionAsync(manager, organisation.Id, "Reject", "  ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Give the reason for rejecting the organisation"));
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
    }

    [Test]
    public async Task Reject_WithReason_RecordsReasonAndEmailsIt()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Reject with reason", verified: false);
        await AddMemberAsync(organisation.Id, "member-rejected@example.org");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        await PostDecisionAsync(manager, organisation.Id, "Reject", "The registration certificate is illegible.");

        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.Rejected));
        Assert.That(saved.StatusReason, Is.EqualTo("The registration certificate is illegible."));
        var email = (await FundData.EmailsToAsync(_app, "member-rejected@example.org")).Single();
        Assert.That(email.TextBody, Does.Contain("The registration certificate is illegible."));
    }

    [Test]
    public async Task Suspend_VerifiedOrganisation_NeedsReasonThenSuspends()
    {
        var organisation = await FundData.OrganisationAsync(_app, "To suspend", verified: true);
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var refused = await PostDecisionAsync(manager, organisation.Id, "Suspend", "");
        var page = await TestSession.ParseAsync(refused);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Give the reason for suspending the organisation"));

        await PostDecisionAsync(manager, organisation.Id, "Suspend", "Audit findings under review.");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.Suspended));
    }

    [Test]
    public async Task Reject_VerifiedOrganisation_IsAnIllegalMoveWithClearMessage()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Already verified", verified: true);
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await PostDecisionAsync(manager, organisation.Id, "Reject", "Changed our mind.");

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("An organisation that is verified cannot be rejected."));
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.Verified));
    }

    [Test]
    public async Task List_FiltersByStatusSearchesAndCountsPerStatus()
    {
        var marker = "Zebra-" + Guid.NewGuid().ToString("N")[..6];
        await FundData.OrganisationAsync(_app, $"{marker} One", verified: true);
        await FundData.OrganisationAsync(_app, $"{marker} Two", verified: false);
        await FundData.OrganisationAsync(_app, $"{marker} Three", verified: false);
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, all) = await manager.GetPageAsync($"/Manage/Organisations?q={marker.ToLowerInvariant()}");
        var (_, pending) = await manager.GetPageAsync($"/Manage/Organisations?q={marker}&status=PendingVerification");

        Assert.Multiple(() =>
        {
            Assert.That(Names(all), Is.EqualTo(new[] { $"{marker} One", $"{marker} Three", $"{marker} Two" }));
            Assert.That(all.QuerySelector("[data-count=PendingVerification]")!.TextContent, Is.EqualTo("2"));
            Assert.That(all.QuerySelector("[data-count=Verified]")!.TextContent, Is.EqualTo("1"));
            Assert.That(Names(pending), Is.EqualTo(new[] { $"{marker} Three", $"{marker} Two" }));
        });
    }

    [Test]
    public async Task List_PagesThroughManyOrganisations()
    {
        var marker = "Paged-" + Guid.NewGuid().ToString("N")[..6];
        for (var i = 0; i < 27; i++)
        {
            await FundData.OrganisationAsync(_app, $"{marker} {i:00}", verified: false);
        }

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, first) = await manager.GetPageAsync($"/Manage/Organisations?q={marker}");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var (_, second) = await manager.GetPageAsync(next);

        Assert.That(Names(first), Has.Count.EqualTo(25));
        Assert.That(Names(second), Is.EqualTo(new[] { $"{marker} 25", $"{marker} 26" }));
    }

    [TestCase("applicant@trustfund.test")]
    [TestCase("reviewer@trustfund.test")]
    [TestCase("finance@trustfund.test")]
    public async Task ManageOrganisations_OtherRoles_AreForbidden(string email)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Forbidden for {email}", verified: false);
        using var session = await _app.SignInAsync(email);

        var list = await session.GetAsync("/Manage/Organisations");
        var details = await session.GetAsync($"/Manage/Organisations/{organisation.Id}");
        var token = await session.AntiforgeryTokenAsync("/Account/Login");
        var verify = await session.Client.PostAsync(new Uri($"/Manage/Organisations/{organisation.Id}/Verify", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(details.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(verify.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id))).Status, Is.EqualTo(OrganisationStatus.PendingVerification));
        });
    }

    [Test]
    public async Task VerifyBank_RecordsWhoAndWhen_AndAnApplicantChangeClearsIt()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Bank to verify", verified: true);
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var page = $"/Manage/Organisations/{organisation.Id}";
        var (_, form) = await manager.GetPageAsync(page);
        var version = ((IHtmlInputElement)form.QuerySelector("form[action$='/VerifyBank'] input[name=Version]")!).Value;

        var response = await manager.PostFormAsync(page, $"{page}/VerifyBank", new() { ["Version"] = version });

        Assert.That(TestSession.IsRedirectTo(response, page), Is.True, await response.Content.ReadAsStringAsync());
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That((saved.Bank!.Verified, saved.Bank.VerifiedBy, saved.Bank.VerifiedAtUtc), Is.EqualTo((true, "manager@trustfund.test", (DateTime?)FundData.Now(_app))));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.OrganisationBankVerified && e.EntityId == organisation.Id.ToString())), Is.EqualTo(1));
        var summary = await _app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.OrganisationBankVerified && e.EntityId == organisation.Id.ToString()).Select(e => e.Summary).SingleAsync());
        Assert.That(summary, Does.Not.Contain(saved.Bank.AccountNumber).And.Contain(saved.Bank.AccountNumber[^4..]), "the append-only audit trail never holds a full account number");

        await _app.WithDbAsync(async db =>
        {
            var current = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            current.ChangeBankDetails(current.Bank! with { AccountNumber = "NEW-ACCOUNT" });
            return await db.SaveChangesAsync();
        });
        var (_, after) = await manager.GetPageAsync(page);
        Assert.That(after.QuerySelector("[data-bank-verified]")!.GetAttribute("data-bank-verified"), Is.EqualTo("False"));
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-organisations] tbody a").Select(a => a.TextContent).ToList();

    private static async Task<HttpResponseMessage> PostDecisionAsync(TestSession session, Guid organisationId, string decision, string reason)
    {
        var page = $"/Manage/Organisations/{organisationId}";
        var (_, form) = await session.GetPageAsync(page);
        var version = ((IHtmlInputElement)form.QuerySelector("input[name=Version]")!).Value;
        return await session.PostFormAsync(page, $"{page}/{decision}", new() { ["Version"] = version, ["Reason"] = reason });
    }

    private Task<int> AddMemberAsync(Guid organisationId, string email) =>
        _app.WithDbAsync(db =>
        {
            db.Users.Add(new TrustFund.Application.Accounts.TrustFundUser
            {
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = "Member",
                OrganisationId = organisationId,
            });
            return db.SaveChangesAsync();
        });
}
