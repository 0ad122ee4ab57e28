using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Payments;

/// <summary>The instalment, payments, queue and concerns pages, through HTTP, as each role uses them.</summary>
public sealed class PaymentPagesTests
{
    private TrustFundApp _app = null!;
    private Guid _organisationId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Instalment_RequestedByTheFundManagerApprovedAndPaidByFinance_IsShownToTheGranteeWithItsBalance()
    {
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "PJ1");
        var first = grant.Instalments[0];
        var page = $"/Grants/{grant.Id}/Instalments/{first.Id}";
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        using var finance = await _app.SignInAsync("finance@trustfund.test");
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var requested = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[1].Index"] = "1" });
        Assert.That(TestSession.IsRedirectTo(requested, page), Is.True, await requested.Content.ReadAsStringAsync());
        var (_, queue) = await finance.GetPageAsync("/Finance/Payments");
        Assert.That(queue.QuerySelector("[data-queue=to-approve]")!.TextContent, Does.Contain(grant.Number));
        var (_, home) = await finance.GetPageAsync("/");
        Assert.That(home.QuerySelector("[data-queue=to-approve]")!.TextContent, Does.Contain(grant.Number), "the finance officer's home is the queue");

        var approved = await finance.PostFormAsync(page, $"{page}/Approve", []);
        Assert.That(TestSession.IsRedirectTo(approved, page), Is.True, await approved.Content.ReadAsStringAsync());
        var today = DateOnly.FromDateTime(FundData.Now(_app)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var paid = await finance.PostFormAsync(page, $"{page}/Pay", new() { ["PaymentAmount"] = "4,000.00", ["PaidOn"] = today, ["PaymentReference"] = "WIRE-PJ1-001" });
        Assert.That(TestSession.IsRedirectTo(paid, page), Is.True, await paid.Content.ReadAsStringAsync());

        var (response, payments) = await applicant.GetPageAsync($"/Grants/{grant.Id}/Payments");
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(payments.QuerySelector("[data-ledger]")!.TextContent, Does.Contain("WIRE-PJ1-001"));
            Assert.That(payments.QuerySelector("[data-net-paid]")!.TextContent, Does.Contain("4,000.00"));
            Assert.That(payments.QuerySelector("[data-balance]")!.TextContent, Does.Contain("6,000.00"));
            Assert.That(payments.QuerySelector("[data-instalment='1']")!.GetAttribute("data-status"), Is.EqualTo("Paid"));
            Assert.That(payments.QuerySelector("[data-ledger]")!.TextContent, Does.Not.Contain("finance@trustfund.test"), "staff names stay with the staff");
        });
        Assert.That(await FundData.EmailsToAsync(_app, "applicant@trustfund.test"), Has.Some.Matches<TrustFund.Infrastructure.Email.OutboxMessage>(m => m.Subject.Contains($"grant {grant.Number}", StringComparison.Ordinal)));
    }

    [Test]
    public async Task RequestRelease_UnmetConditionWithoutJustification_IsListedOnThePageAndNothingChanges()
    {
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "PJ2");
        var last = grant.Instalments[2];
        var page = $"/Grants/{grant.Id}/Instalments/{last.Id}";
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[0].Justification"] = "  " });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = await TestSession.ParseAsync(response);
        Assert.That(document.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("This condition is not met: the final report is accepted."));
        Assert.That((await PaymentWebData.ReadAsync(_app, grant.Id)).Instalments[2].Status, Is.EqualTo(InstalmentStatus.Planned));
    }

    [Test]
    public async Task RequestRelease_UnmetConditionWithJustification_IsRequestedAndTheOverrideShownAndAudited()
    {
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "PJ3");
        var second = grant.Instalments[1];
        var page = $"/Grants/{grant.Id}/Instalments/{second.Id}";
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[0].Justification"] = "Interim report delayed by floods." });

        Assert.That(TestSession.IsRedirectTo(response, page), Is.True, await response.Content.ReadAsStringAsync());
        var (_, document) = await manager.GetPageAsync(page);
        Assert.That(document.QuerySelector("[data-override]")!.TextContent, Does.Contain("Interim report delayed by floods."));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.InstalmentConditionOverridden && e.EntityId == grant.Id.ToString())), Is.EqualTo(1));
    }

    [Test]
    public async Task Concern_OpenedByAFundManager_BlocksTheReleaseNamingItUntilClosedWithAnOutcome()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Concern Shelter Network");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, "PJ4");
        var page = $"/Grants/{grant.Id}/Instalments/{grant.Instalments[0].Id}";
        var concerns = $"/Manage/Organisations/{organisation.Id}/Concerns";
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var today = DateOnly.FromDateTime(FundData.Now(_app)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var opened = await manager.PostFormAsync(concerns, concerns, new() { ["Category"] = "Fraud", ["OpenedOn"] = today, ["Note"] = "Invoices for shelter nights appear duplicated." });
        Assert.That(TestSession.IsRedirectTo(opened, concerns), Is.True, await opened.Content.ReadAsStringAsync());
        var blocked = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[1].Index"] = "1" });
        var blockedPage = await TestSession.ParseAsync(blocked);
        Assert.That(blockedPage.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("blocked while a concern is open: fraud concern opened on"));
        Assert.That(blockedPage.QuerySelector("[data-open-concerns]"), Is.Not.Null);

        var concern = await _app.WithDbAsync(db => db.SafeguardingConcerns.AsNoTracking().SingleAsync(c => c.OrganisationId == organisation.Id));
        var withoutOutcome = await manager.PostFormAsync(concerns, $"{concerns}/{concern.Id}/Close", new() { ["Version"] = concern.Version.ToString(), ["Outcome"] = " " });
        Assert.That((await TestSession.ParseAsync(withoutOutcome)).QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Write the outcome of the concern"));
        var closed = await manager.PostFormAsync(concerns, $"{concerns}/{concern.Id}/Close", new() { ["Version"] = concern.Version.ToString(), ["Outcome"] = "Invoices checked: a printing error, no fraud." });
        Assert.That(TestSession.IsRedirectTo(closed, concerns), Is.True);
        var released = await manager.PostFormAsync(page, $"{page}/Request", new() { ["Conditions[0].Index"] = "0", ["Conditions[1].Index"] = "1" });
        Assert.That(TestSession.IsRedirectTo(released, page), Is.True, await released.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Concerns_AreForSecretariatStaffOnly()
    {
        await PaymentWebData.ConcernAsync(_app, _organisationId, closed: false, note: "Note only staff may read.");
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        using var finance = await _app.SignInAsync("finance@trustfund.test");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "PJ5");

        var refused = await applicant.GetAsync($"/Manage/Organisations/{_organisationId}/Concerns");
        var (_, payments) = await applicant.GetPageAsync($"/Grants/{grant.Id}/Payments");
        var (_, staffView) = await finance.GetPageAsync($"/Manage/Organisations/{_organisationId}/Concerns");

        Assert.Multiple(() =>
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(payments.Body!.TextContent, Does.Not.Contain("concern"));
            Assert.That(staffView.Body!.TextContent, Does.Contain("Note only staff may read."));
            Assert.That(staffView.QuerySelector("[data-open-concern-form]"), Is.Null, "finance officers read concerns; fund managers record them");
        });
        await _app.WithDbAsync(async db =>
        {
            foreach (var open in await db.SafeguardingConcerns.Where(c => c.OrganisationId == _organisationId && c.Status == ConcernStatus.Open).ToListAsync())
            {
                open.Close("Closed after the test.", "manager@trustfund.test", FundData.Now(_app));
            }

            return await db.SaveChangesAsync();
        });
    }

    [Test]
    public async Task Refund_LedgerChangedSinceThePageWasShown_IsRefusedClearlyAndNothingIsWritten()
    {
        var grant = await PaymentWebData.ActiveGrantAsync(_app, _organisationId, "PJ6");
        using var finance = await _app.SignInAsync("finance@trustfund.test");
        var payments = $"/Grants/{grant.Id}/Payments";
        var today = DateOnly.FromDateTime(FundData.Now(_app)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var response = await finance.PostFormAsync(payments, $"{payments}/WriteOff", new() { ["SeenEntries"] = "3", ["WriteOffAmount"] = "100", ["WriteOffDate"] = today, ["WriteOffReason"] = "Unspent." });

        Assert.That((await TestSession.ParseAsync(response)).QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("The ledger changed after you opened this page"));
        Assert.That((await PaymentWebData.ReadAsync(_app, grant.Id)).Ledger, Is.Empty);
    }

    [Test]
    public async Task PaymentsPage_AnotherOrganisationsGrant_IsNotFound()
    {
        var other = await FundData.OrganisationAsync(_app, "Other Shelter Network");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, other.Id, "PJ7");
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.GetAsync($"/Grants/{grant.Id}/Payments");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
