using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Home;

/// <summary>Each role's home page shows the figures of the records seeded here, and only the ones its user may see.</summary>
public sealed class DashboardTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task FundManagerHome_SeededCall_ShowsStatusesMoneyApprovalsAndOverdueWork()
    {
        // A call closing after every demo call, so it is among the recent calls shown.
        var call = await FundData.PublishedCallAsync(_app, "DSH", t => t with { Envelope = 300_000m, ClosesAtUtc = FundData.Now(_app).AddDays(400) });
        var organisation = (await FundData.OrganisationAsync(_app, "Pacific Freedom Trust", "FJI")).Id;
        await FundData.ApplicationAsync(_app, call.Id, organisation, FundData.Content("Outreach on fishing vessels", 8_000m));
        await FundData.ApplicationAsync(_app, call.Id, organisation, FundData.Content("Hotline for seafarers", 9_000m));
        await FundData.ApplicationAsync(_app, call.Id, organisation, FundData.Content("Draft never sent", 7_000m), submit: false);

        // Two approvals in Fiji (Oceania, where no demo project works) giving education, USD 10,000 each; USD 4,000 paid on one.
        var fiji = FundData.Content("Schooling for rescued children", 10_000m, ["FJI"], [AssistanceType.Education]);
        var paid = await PaymentWebData.ActiveGrantAsync(_app, organisation, "DSH", content: fiji);
        await PaymentWebData.ActiveGrantAsync(_app, organisation, "DSH", content: fiji with { Title = "Second school year" });
        await PayFirstInstalmentAsync(paid.Id);

        // A reviewer of their own: two reviews past their due day, one not yet due.
        var reviewer = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DSR1", dueInDays: -3);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DSR2", dueInDays: -1);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DSR3", dueInDays: 5);

        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (response, page) = await manager.GetPageAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var statuses = Table(page, $"status-{call.Id:N}");
        var money = Row(Table(page, "money"), "DSH");
        var region = Row(Table(page, "regions"), "Oceania");
        var education = Row(Table(page, "assistance"), "Education");
        var reviewerRow = page.QuerySelectorAll("[data-overdue-reviewers] tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"/Manage/Reviewers/{reviewer.Id}");
        var today = DateOnly.FromDateTime(FundData.Now(_app));
        var overdueReports = await _app.WithDbAsync(db => db.GranteeReports.CountAsync(r => (r.Status == ReportStatus.Due && r.DueOn < today) || (r.Status == ReportStatus.RevisionRequested && r.ResubmitBy < today)));
        Assert.Multiple(() =>
        {
            Assert.That(Cells(statuses), Is.EqualTo(new[] { new[] { "Submitted", "2" }, ["Approved", "2"] }), "the draft is not counted");
            Assert.That(statuses.QuerySelector("tbody a")!.GetAttribute("href"), Is.EqualTo($"/Manage/Applications?Call={call.Id}&Status=Submitted"));
            Assert.That(money.Skip(1), Is.EqualTo(new[] { "USD 300,000.00", "USD 20,000.00", "USD 4,000.00" }));
            Assert.That(region[1], Is.EqualTo("2"));
            Assert.That(education[1], Is.EqualTo("2"));
            Assert.That(reviewerRow.QuerySelector("td")!.TextContent.Trim(), Is.EqualTo("2"));
            Assert.That(page.QuerySelector("[data-overdue-reports]")!.GetAttribute("data-overdue-reports"), Is.EqualTo(overdueReports.ToString(CultureInfo.InvariantCulture)));
        });
    }

    [Test]
    public async Task FundManagerHome_EveryChart_DrawsTheFiguresOfTheTableBesideIt()
    {
        var organisation = (await FundData.OrganisationAsync(_app, "Chart Check Network")).Id;
        await PaymentWebData.ActiveGrantAsync(_app, organisation, "DSC");
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (_, page) = await manager.GetPageAsync("/");

        var charts = page.QuerySelectorAll("[data-chart]");
        Assert.That(charts, Has.Length.GreaterThanOrEqualTo(4), "money, a call's statuses, regions and assistance");
        foreach (var chart in charts)
        {
            var id = chart.GetAttribute("data-chart");
            var svg = chart.QuerySelector("svg")!;
            var table = chart.QuerySelector("table")!;
            var drawn = svg.QuerySelectorAll("rect[data-value]").Select(r => decimal.Parse(r.GetAttribute("data-value")!, CultureInfo.InvariantCulture)).ToList();
            var tabled = table.QuerySelectorAll("tbody td").Select(td => decimal.Parse(td.TextContent.Replace("USD", string.Empty, StringComparison.Ordinal).Trim(), NumberStyles.Number, CultureInfo.InvariantCulture)).ToList();
            var labels = svg.QuerySelectorAll("g[data-chart-row] > text").Select(t => t.TextContent.Trim()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(svg.GetAttribute("role"), Is.EqualTo("img"), id);
                Assert.That(svg.QuerySelector("title")!.TextContent, Is.EqualTo(table.QuerySelector("caption")!.TextContent), id);
                Assert.That(svg.GetAttribute("viewBox"), Does.StartWith("0 0 480 "), id);
                Assert.That(drawn, Is.EqualTo(tabled), $"{id}: the bars carry the table's figures, in the same order");
                Assert.That(labels, Is.EqualTo(table.QuerySelectorAll("tbody th").Select(th => th.TextContent.Trim()).Select(l => l.Length <= 56 ? l : l[..55] + "…")), id);
                Assert.That(table.QuerySelectorAll("thead th").All(th => th.GetAttribute("scope") == "col"), Is.True, id);
                Assert.That(table.QuerySelectorAll("tbody th").All(th => th.GetAttribute("scope") == "row"), Is.True, id);
                Assert.That(table.Closest("[role=region]")!.GetAttribute("aria-labelledby"), Is.EqualTo(table.QuerySelector("caption")!.Id), id);
            });
        }
    }

    [Test]
    public async Task ApplicantHome_OwnOrganisation_ShowsApplicationsDeadlinesInstalmentsAndReportsOfNoOtherOrganisation()
    {
        var call = await FundData.PublishedCallAsync(_app, "DSA", t => t with { Title = "Dashboard applicants' call" });
        var own = (await FundData.OrganisationAsync(_app, "Harbour of Hope")).Id;
        var other = (await FundData.OrganisationAsync(_app, "Other Shore Alliance")).Id;
        var applicant = await TestAccounts.CreateUserAsync(_app, Roles.Applicant, withOrganisation: true);
        await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == applicant.Id);
            user.OrganisationId = own;
            return await db.SaveChangesAsync();
        });
        var draft = await FundData.ApplicationAsync(_app, call.Id, own, FundData.Content("Draft shelter plan", 8_000m), submit: false);
        var submitted = await FundData.ApplicationAsync(_app, call.Id, own, FundData.Content("Submitted legal aid", 9_000m));
        await FundData.ApplicationAsync(_app, call.Id, other, FundData.Content("Other shore secret project", 9_500m));
        var grant = await PaymentWebData.ActiveGrantAsync(_app, own, "DSA");
        var otherGrant = await PaymentWebData.ActiveGrantAsync(_app, other, "DSA");
        await PayFirstInstalmentAsync(grant.Id);
        var today = DateOnly.FromDateTime(FundData.Now(_app));
        await _app.WithDbAsync(async db =>
        {
            db.GranteeReports.AddRange(
                GranteeReport.Schedule(grant.Id, new PlannedReport(ReportKind.Interim, 1, today.AddDays(-20), today.AddDays(-4))),
                GranteeReport.Schedule(grant.Id, new PlannedReport(ReportKind.Final, 2, today.AddDays(100), today.AddDays(130))),
                GranteeReport.Schedule(otherGrant.Id, new PlannedReport(ReportKind.Interim, 1, today.AddDays(-20), today.AddDays(-9))));
            return await db.SaveChangesAsync();
        });

        using var session = await _app.SignInAsync(applicant.Email!);
        var (response, page) = await session.GetPageAsync("/");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var applications = page.QuerySelector("[data-dashboard=applications]")!;
        var rows = applications.QuerySelectorAll("tbody tr").ToDictionary(r => r.GetAttribute("data-application-id")!);
        var instalments = page.QuerySelectorAll($"[data-grant='{grant.Number}'] tbody tr");
        var reports = page.QuerySelector("[data-dashboard=reports]")!;
        Assert.Multiple(() =>
        {
            Assert.That(rows.Keys, Is.EquivalentTo(new[] { draft.Id.ToString(), submitted.Id.ToString(), grant.ApplicationId.ToString() }));
            Assert.That(rows[draft.Id.ToString()].QuerySelector("[data-status]")!.GetAttribute("data-status"), Is.EqualTo("Draft"));
            Assert.That(rows[draft.Id.ToString()].TextContent, Does.Contain("Submit by 1 April 2026"));
            Assert.That(rows[submitted.Id.ToString()].QuerySelector("[data-status]")!.GetAttribute("data-status"), Is.EqualTo("Submitted"));
            Assert.That(rows[grant.ApplicationId.ToString()].QuerySelector("[data-status]")!.GetAttribute("data-status"), Is.EqualTo("Approved"));
            Assert.That(page.QuerySelector("[data-open-call=DSA]")!.TextContent, Does.Contain("Dashboard applicants' call"));
            Assert.That(instalments.Select(r => r.GetAttribute("data-status")), Is.EqualTo(new[] { "Paid", "Planned", "Planned" }));
            Assert.That(instalments.Select(r => r.QuerySelector("td")!.TextContent.Trim()), Is.EqualTo(new[] { "USD 4,000.00", "USD 4,000.00", "USD 2,000.00" }));
            Assert.That(page.QuerySelector($"[data-grant='{grant.Number}'] caption")!.TextContent, Does.Contain("USD 10,000.00 granted, USD 4,000.00 paid"));
            Assert.That(reports.QuerySelectorAll("tbody tr"), Has.Length.EqualTo(2));
            Assert.That(reports.QuerySelector("[data-overdue-count]")!.TextContent, Does.Contain("1 overdue"));
            Assert.That(reports.QuerySelector("[data-overdue]")!.GetAttribute("data-overdue"), Is.EqualTo("4"));
            Assert.That(page.Body!.TextContent, Does.Not.Contain("Other Shore").And.Not.Contain("Other shore secret project").And.Not.Contain(otherGrant.Number));
        });
    }

    [Test]
    public async Task ReviewerHome_ReviewsPastTheirDueDay_AreCountedAtTheTop()
    {
        var reviewer = await TestAccounts.CreateUserAsync(_app, Roles.Reviewer);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DRV1", dueInDays: -2);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DRV2", declareNoConflict: true, dueInDays: -6);
        await ReviewWebData.AssignedAsync(_app, reviewer.Email!, "DRV3", dueInDays: 10);

        using var session = await _app.SignInAsync(reviewer.Email!);
        var (_, page) = await session.GetPageAsync("/");

        Assert.Multiple(() =>
        {
            Assert.That(page.QuerySelector("[data-overdue-count]")!.GetAttribute("data-overdue-count"), Is.EqualTo("2"));
            Assert.That(page.QuerySelector("[data-overdue-count]")!.TextContent, Does.Contain("2 reviews are overdue"));
            Assert.That(page.QuerySelectorAll("tr[data-overdue=true]"), Has.Length.EqualTo(2));
        });
    }

    [Test]
    public async Task FinanceOfficerHome_RequestedRelease_ShowsRequesterAmountAndLinkToApprove()
    {
        var organisation = (await FundData.OrganisationAsync(_app, "Release Watch Collective")).Id;
        var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation, "DSF");
        var first = grant.Instalments[0];
        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Grants.SingleAsync(g => g.Id == grant.Id);
            tracked.RequestRelease(first.Id, ReleaseFacts.None, [], Guid.NewGuid(), "Ama Mensah", [], FundData.Now(_app));
            return await db.SaveChangesAsync();
        });

        using var finance = await _app.SignInAsync("finance@trustfund.test");
        var (_, page) = await finance.GetPageAsync("/");

        var row = page.QuerySelector($"[data-queue=to-approve] [data-queue-row='{first.Id}']")!;
        Assert.Multiple(() =>
        {
            Assert.That(row.QuerySelector("a")!.GetAttribute("href"), Is.EqualTo($"/Grants/{grant.Id}/Instalments/{first.Id}"));
            Assert.That(row.TextContent, Does.Contain(grant.Number).And.Contain("USD 4,000.00").And.Contain("Ama Mensah").And.Contain("Release Watch Collective"));
        });
    }

    private static IElement Table(IHtmlDocument page, string chart) =>
        page.QuerySelector($"table[data-chart-table='{chart}']") ?? throw new AssertionException($"No chart table {chart} on the page.");

    private static string[][] Cells(IElement table) =>
        [.. table.QuerySelectorAll("tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray())];

    private static string[] Row(IElement table, string label) =>
        Cells(table).SingleOrDefault(r => r[0] == label) ?? throw new AssertionException($"No row {label} in {table.GetAttribute("data-chart-table")}: {string.Join(" | ", Cells(table).Select(r => r[0]))}");

    private Task<int> PayFirstInstalmentAsync(Guid grantId) =>
        _app.WithDbAsync(async db =>
        {
            var now = FundData.Now(_app);
            var grant = await db.Grants.SingleAsync(g => g.Id == grantId);
            var first = grant.Instalments[0];
            var finance = Guid.NewGuid();
            grant.RequestRelease(first.Id, ReleaseFacts.None, [], Guid.NewGuid(), "manager@trustfund.test", [], now);
            grant.ApproveRelease(first.Id, finance, "finance@trustfund.test", [], now);
            grant.RecordPayment(first.Id, first.Amount, DateOnly.FromDateTime(now), $"WIRE-{grant.Number}", finance, "finance@trustfund.test", [], now);
            return await db.SaveChangesAsync();
        });
}
