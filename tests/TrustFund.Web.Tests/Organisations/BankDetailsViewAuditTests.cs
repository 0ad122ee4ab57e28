using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Organisations;

/// <summary>Every time Secretariat staff open a page showing an organisation's bank details, the audit trail records who and which organisation.</summary>
public sealed class BankDetailsViewAuditTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("manager@trustfund.test")]
    [TestCase(AdminEmail)]
    public async Task ManageDetails_OrganisationWithBankDetails_RecordsWhoViewedThemButNotTheNumber(string viewer)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Viewed by {viewer}");
        using var session = await _app.SignInAsync(viewer);

        var (response, page) = await session.GetPageAsync($"/Manage/Organisations/{organisation.Id}");
        await session.GetAsync($"/Manage/Organisations/{organisation.Id}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(MainText(page), Does.Contain(organisation.Bank!.AccountNumber), "the page shows the account number");
        var views = await ViewsAsync(organisation.Id);
        Assert.That(views, Has.Count.EqualTo(2), "each showing is recorded");
        Assert.Multiple(() =>
        {
            foreach (var view in views)
            {
                Assert.That(view.ActorName, Is.EqualTo(viewer));
                Assert.That(view.ActorId, Is.Not.Null);
                Assert.That(view.EntityType, Is.EqualTo(nameof(Organisation)));
                Assert.That(view.Summary, Is.EqualTo($"{viewer} viewed the bank details of {organisation.LegalName}"));
                Assert.That(view.Summary, Does.Not.Contain(organisation.Bank.AccountNumber).And.Not.Contain(organisation.Bank.AccountNumber[^4..]));
            }
        });
    }

    [Test]
    public async Task ManageDetails_OrganisationWithoutBankDetails_RecordsNoView()
    {
        var organisation = await _app.WithDbAsync(async db =>
        {
            var registered = Organisation.Register($"No bank yet {Guid.NewGuid():N}", "KEN", FundData.Now(_app));
            db.Organisations.Add(registered);
            await db.SaveChangesAsync();
            return registered;
        });
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        Assert.That((await manager.GetAsync($"/Manage/Organisations/{organisation.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await ViewsAsync(organisation.Id), Is.Empty);
    }

    [Test]
    public async Task ManageDetails_AfterAFailedDecision_StillRecordsTheView()
    {
        var organisation = await FundData.OrganisationAsync(_app, $"Reject without a reason {Guid.NewGuid():N}", verified: false);
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var page = $"/Manage/Organisations/{organisation.Id}";
        var (_, form) = await manager.GetPageAsync(page);
        var version = ((AngleSharp.Html.Dom.IHtmlInputElement)form.QuerySelector("input[name=Version]")!).Value;

        var refused = await manager.PostFormAsync(page, $"{page}/Reject", new() { ["Version"] = version, ["Reason"] = string.Empty });

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the page is shown again with the error");
        Assert.That(await ViewsAsync(organisation.Id), Has.Count.EqualTo(3), "the page read for the form, the one read for the token, and the page shown with the error");
        var saved = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id));
        Assert.That(saved.Status, Is.EqualTo(OrganisationStatus.PendingVerification), "recording the view saved nothing else");
    }

    [Test]
    public async Task OwnBankPage_OrganisationMember_RecordsNoView()
    {
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        Assert.That((await applicant.GetAsync("/Organisation/Bank")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        Assert.That(await ViewsAsync(organisationId), Is.Empty, "members seeing their own details are not recorded");
    }

    private Task<List<AuditEntry>> ViewsAsync(Guid organisationId) =>
        _app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.OrganisationBankDetailsViewed && e.EntityId == organisationId.ToString())
            .OrderBy(e => e.Sequence)
            .ToListAsync());
}
