using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Organisations;

namespace TrustFund.Web.Tests.Screening;

public sealed class RequestInformationTests
{
    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "RFI")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task RequestInformation_WithoutMessage_IsRefused()
    {
        var application = await SubmittedAsync("No message");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await PostRequestAsync(manager, application.Id, "   ");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("Write what information you need."));
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Submitted));
    }

    [Test]
    public async Task RequestInformation_ThenResubmission_KeepsBothVersionsAndEmailsTheOrganisation()
    {
        var application = await SubmittedAsync("Needs budget detail", "rfi-member@example.org");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await PostRequestAsync(manager, application.Id, "Please break down the shelter costs <per night>.");

        Assert.That(TestSession.IsRedirectTo(response, $"/Manage/Applications/{application.Id}"), Is.True, await response.Content.ReadAsStringAsync());
        var saved = await _app.WithDbAsync(db => db.Applications.AsNoTracking().SingleAsync(a => a.Id == application.Id));
        Assert.That(saved.Status, Is.EqualTo(ApplicationStatus.InformationRequested));
        Assert.That(saved.InformationRequest, Is.EqualTo("Please break down the shelter costs <per night>."));
        var email = (await FundData.EmailsToAsync(_app, "rfi-member@example.org")).Single();
        Assert.That(email.Subject, Does.Contain(saved.Reference));
        Assert.That(email.TextBody, Does.Contain("Please break down the shelter costs <per night>."));
        Assert.That(await _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditActions.ApplicationInformationRequested && e.EntityId == application.Id.ToString())), Is.EqualTo(1));

        var (_, details) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");
        Assert.That(details.QuerySelector("[data-information-request]")!.TextContent, Is.EqualTo("Please break down the shelter costs <per night>."));
        Assert.That(details.QuerySelector("form[action$='/RequestInformation']"), Is.Null);

        // The applicant edits and resubmits (their pages are built elsewhere; the domain does the same).
        await _app.WithDbAsync(async db =>
        {
            var call = await db.Calls.SingleAsync(c => c.Id == _callId);
            var current = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == application.Id);
            var now = FundData.Now(_app);
            current.Edit(current.Content with { Title = "Needs budget detail (revised)" }, "applicant", now);
            current.Submit(new SubmissionContext(call, true, "Safe Haven Trust", [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true)], now), null, "applicant");
            return await db.SaveChangesAsync();
        });

        var (_, after) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");
        var (_, first) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}?version=1");
        Assert.Multiple(() =>
        {
            Assert.That(after.QuerySelectorAll("[data-versions] li"), Has.Length.EqualTo(2));
            Assert.That(after.QuerySelector("[data-field=Title]")!.TextContent, Is.EqualTo("Needs budget detail (revised)"));
            Assert.That(first.QuerySelector("[data-field=Title]")!.TextContent, Is.EqualTo("Needs budget detail"));
            Assert.That(after.QuerySelector("[data-application-status]")!.GetAttribute("data-application-status"), Is.EqualTo("Submitted"));
        });
    }

    [Test]
    public async Task RequestInformation_OnScreenedApplication_IsRefusedWithClearMessage()
    {
        var application = await SubmittedAsync("Already screened");
        await _app.WithDbAsync(async db =>
        {
            var current = await db.Applications.SingleAsync(a => a.Id == application.Id);
            current.RecordEligibility(true, null, FundData.Now(_app));
            return await db.SaveChangesAsync();
        });
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var response = await PostRequestAsync(manager, application.Id, "More please.");

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("More information can only be requested while the application is submitted"));
        Assert.That(await StatusAsync(application.Id), Is.EqualTo(ApplicationStatus.Eligible));
    }

    [Test]
    public async Task Attachments_DownloadForManagers_OnlyThroughTheirApplication()
    {
        var application = await SubmittedAsync("With attachment");
        var other = await SubmittedAsync("Other attachment");
        var attachmentId = await AttachAsync(application, "budget.pdf");
        var foreignId = await AttachAsync(other, "foreign.pdf");
        using var manager = await _app.SignInAsync("manager@trustfund.test");

        var (_, details) = await manager.GetPageAsync($"/Manage/Applications/{application.Id}");
        var href = details.QuerySelectorAll("[data-attachments] a").Single(a => a.TextContent == "budget.pdf").GetAttribute("href")!;
        var download = await manager.GetAsync(href);
        var foreign = await manager.GetAsync($"/Manage/Applications/{application.Id}/Attachments/{foreignId}");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(href, Does.EndWith(attachmentId.ToString()));
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(MultipartForms.Pdf("budget.pdf")));
            Assert.That(foreign.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    private async Task<Guid> AttachAsync(GrantApplication application, string name, bool resubmitWithIt = true)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();
        var bytes = MultipartForms.Pdf(name);
        var key = await store.AddAsync(bytes, CancellationToken.None);
        var attachment = Attachment.Record(application.OrganisationId, application.Id, DocumentType.Other, name, "application/pdf", bytes.Length, new string('0', 64), key, FundData.Now(_app), "applicant");
        db.Attachments.Add(attachment);
        if (resubmitWithIt)
        {
            // Managers see the documents a submitted version relied on: the organisation resubmits with it.
            var current = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == application.Id);
            var call = await db.Calls.SingleAsync(c => c.Id == current.CallId);
            var now = FundData.Now(_app);
            current.RequestInformation("Attach the budget.", now.AddDays(14), now);
            current.Submit(new SubmissionContext(call, true, current.OrganisationName, [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true), SubmittedDocument.Of(attachment)], now), null, "applicant");
        }

        await db.SaveChangesAsync();
        return attachment.Id;
    }

    private async Task<GrantApplication> SubmittedAsync(string title, string? memberEmail = null)
    {
        var organisation = await FundData.OrganisationAsync(_app, $"{title} Org");
        if (memberEmail is not null)
        {
            await _app.WithDbAsync(db =>
            {
                db.Users.Add(new TrustFund.Application.Accounts.TrustFundUser { UserName = memberEmail, Email = memberEmail, DisplayName = "Member", OrganisationId = organisation.Id });
                return db.SaveChangesAsync();
            });
        }

        return await FundData.ApplicationAsync(_app, _callId, organisation.Id, FundData.Content(title, 10_000m));
    }

    private static async Task<HttpResponseMessage> PostRequestAsync(TestSession session, Guid id, string message)
    {
        var page = $"/Manage/Applications/{id}";
        var (_, form) = await session.GetPageAsync(page);
        var version = (form.QuerySelector("form[action$='/RequestInformation'] input[name=Version]") as IHtmlInputElement)?.Value ?? Guid.Empty.ToString();
        return await session.PostFormAsync(page, $"{page}/RequestInformation", new() { ["Version"] = version, ["Message"] = message });
    }

    private Task<ApplicationStatus> StatusAsync(Guid id) =>
        _app.WithDbAsync(db => db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());
}
