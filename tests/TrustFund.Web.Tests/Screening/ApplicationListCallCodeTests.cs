using System.Net;
using AngleSharp.Html.Dom;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// The managers' list shows each row's call code without joining the calls: the codes come from the
/// calls it keeps for its filter, and a call those do not know yet (made through another instance) is
/// read when a row of it is shown.
/// </summary>
public sealed class ApplicationListCallCodeTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task List_RowsOfAKnownCallAndOfACallMadeElsewhere_ShowTheirCallCodes()
    {
        var known = await FundData.PublishedCallAsync(_app, "KNOWN-1");
        var organisation = await FundData.OrganisationAsync(_app, "Codes Relief", "KEN");
        var first = await FundData.ApplicationAsync(_app, known.Id, organisation.Id, FundData.Content("Known call project", 6_000m));
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var before = await manager.GetPageAsync("/Manage/Applications?sort=submitted&dir=desc");

        // Another instance saves a call and an application: this instance's change counters do not
        // move, so the calls it keeps for the filter stay as they were.
        var elsewhere = PublishedCall(FundData.Terms("ELSEWHERE-2", FundData.Now(_app)));
        var application = GrantApplication.Start(elsewhere, organisation, "applicant@trustfund.test", FundData.Now(_app));
        application.Edit(FundData.Content("Project of a new call", 7_000m), "applicant@trustfund.test", FundData.Now(_app));
        var later = FundData.Now(_app).AddMinutes(5);
        application.Submit(new SubmissionContext(elsewhere, true, organisation.LegalName, [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true)], later), GrantApplication.FormatReference(later.Year, elsewhere.Code, 1), "applicant@trustfund.test");
        await using (var other = new TrustFundDbContext(DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, _app.ConnectionString)).UseServices(_app.Clock))
        {
            other.Calls.Add(elsewhere);
            other.Applications.Add(application);
            await other.SaveChangesAsync();
        }

        var (response, after) = await manager.GetPageAsync("/Manage/Applications?sort=submitted&dir=desc");

        string? CodeOf(IHtmlDocument page, Guid id) =>
            page.QuerySelector($"tr[data-application='{id}'] td[data-call]")?.TextContent.Trim();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(CodeOf(before.Document, first.Id), Is.EqualTo("KNOWN-1"));
            Assert.That(CodeOf(after, first.Id), Is.EqualTo("KNOWN-1"));
            Assert.That(CodeOf(after, application.Id), Is.EqualTo("ELSEWHERE-2"), "a call the kept list does not know is read");
            Assert.That(after.QuerySelectorAll("select[name=call] option").Select(o => o.TextContent), Has.None.Contains("ELSEWHERE-2"), "the filter's calls are the kept ones until they expire");
        });
    }

    private static Call PublishedCall(CallTerms terms)
    {
        var call = Call.Draft(terms, terms.OpensAtUtc);
        call.Publish(terms.OpensAtUtc);
        return call;
    }
}
