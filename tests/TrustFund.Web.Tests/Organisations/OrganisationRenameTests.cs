using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

/// <summary>
/// An organisation that corrects its legal name: the managers' list shows and sorts its applications by
/// the new name (each application keeps a copy of the name, rewritten in the same save).
/// </summary>
public sealed class OrganisationRenameTests
{
    private const string SafeHarbour = "Safe Harbour Foundation for Survivors";
    private const string Camino = "Fundación Camino de Esperanza y Reintegración";

    private TrustFundApp _app = null!;
    private Guid _callId;
    private Guid _safeHarbourId;
    private Guid _caminoId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "RN")).Id;
        _safeHarbourId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        _caminoId = await FundData.DemoOrganisationIdAsync(_app, "applicant2@trustfund.test");
        var mercy = await FundData.OrganisationAsync(_app, "Mercy Network", "KEN");

        await FundData.ApplicationAsync(_app, _callId, _safeHarbourId, FundData.Content("Shelter in Lagos", 10_000m), submittedAfter: TimeSpan.FromMinutes(1));
        await FundData.ApplicationAsync(_app, _callId, _safeHarbourId, FundData.Content("Draft in Abuja", 9_000m), submit: false);
        await FundData.ApplicationAsync(_app, _callId, mercy.Id, FundData.Content("Shelter in Nairobi", 11_000m), submittedAfter: TimeSpan.FromMinutes(2));
        await FundData.ApplicationAsync(_app, _callId, _caminoId, FundData.Content("Shelter in Bogotá", 12_000m), submittedAfter: TimeSpan.FromMinutes(3));
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Profile_NewLegalName_DraftsTakeItSubmittedApplicationsKeepTheirsAndVerificationStartsAgain()
    {
        var before = await ListAsync("&sort=organisation&dir=asc");
        Assert.That(Organisations(before), Is.EqualTo(new[] { Camino, "Mercy Network", SafeHarbour }));
        var versionsBefore = await ApplicationVersionsAsync(_safeHarbourId);
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, new() { ["LegalName"] = "Amani Survivors Alliance" });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Profile"), Is.True, await response.Content.ReadAsStringAsync());
        var ascending = await ListAsync("&sort=organisation&dir=asc");
        var descending = await ListAsync("&sort=organisation&dir=desc");
        var byNewName = await ListAsync("&q=amani");
        var byOldName = await ListAsync("&q=" + Uri.EscapeDataString("Safe Harbour"));
        var names = await _app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.OrganisationId == _safeHarbourId).Select(a => a.OrganisationName).ToListAsync());
        var organisation = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == _safeHarbourId));
        Assert.Multiple(() =>
        {
            Assert.That(Organisations(ascending), Is.EqualTo(new[] { Camino, "Mercy Network", SafeHarbour }), "a submitted application keeps the name it was submitted under");
            Assert.That(Titles(descending), Is.EqualTo(new[] { "Shelter in Lagos", "Shelter in Nairobi", "Shelter in Bogotá" }));
            Assert.That(Titles(byNewName), Is.Empty);
            Assert.That(Titles(byOldName), Is.EqualTo(new[] { "Shelter in Lagos" }));
            Assert.That(names.Order(), Is.EqualTo(new[] { "Amani Survivors Alliance", SafeHarbour }), "the draft takes the new name");
            Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.PendingVerification), "a verified organisation that changes its legal name is verified again");
        });

        // The rename is audited once, on the organisation; the applications' copies change no version and add no entry.
        var renamed = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Action == AuditActions.OrganisationRenamed && e.EntityId == _safeHarbourId.ToString()).Select(e => e.Summary).ToListAsync());
        var applicationIds = versionsBefore.Keys.Select(id => id.ToString()).ToList();
        var applicationEntries = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.EntityChanged && applicationIds.Contains(e.EntityId!)));
        var versionsAfter = await ApplicationVersionsAsync(_safeHarbourId);
        Assert.Multiple(() =>
        {
            Assert.That(renamed, Has.Count.EqualTo(1));
            Assert.That(renamed.Single(), Does.Contain(SafeHarbour).And.Contain("Amani Survivors Alliance"));
            Assert.That(applicationEntries, Is.Zero);
            Assert.That(versionsAfter, Is.EqualTo(versionsBefore));
        });
    }

    [Test]
    public async Task Profile_NewLegalNameOnAStaleVersion_RenamesNothing()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var (_, form) = await applicant.GetPageAsync("/Organisation/Profile");
        var staleVersion = ((IHtmlInputElement)form.QuerySelector("input[name=Version]")!).Value;
        await _app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == _caminoId);
            organisation.UpdateProfile(organisation.LegalName, organisation.CountryOfRegistration, organisation.Profile with { Phone = "+57 1 555" }, _app.Clock.GetUtcNow().UtcDateTime);
            return await db.SaveChangesAsync();
        });

        var response = await OrganisationProfileTests.PostProfileAsync(applicant, new() { ["Version"] = staleVersion, ["LegalName"] = "Camino Nuevo" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var names = await _app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.OrganisationId == _caminoId).Select(a => a.OrganisationName).ToListAsync());
        var legalName = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().Where(o => o.Id == _caminoId).Select(o => o.LegalName).SingleAsync());
        var renamed = await _app.WithDbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(e => e.Action == AuditActions.OrganisationRenamed && e.EntityId == _caminoId.ToString()));
        Assert.Multiple(() =>
        {
            Assert.That(legalName, Is.EqualTo(Camino));
            Assert.That(names, Is.EqualTo(new[] { Camino }));
            Assert.That(renamed, Is.Zero);
        });
    }

    private Task<Dictionary<Guid, Guid>> ApplicationVersionsAsync(Guid organisationId) =>
        _app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.OrganisationId == organisationId).ToDictionaryAsync(a => a.Id, a => a.Version));

    private async Task<IHtmlDocument> ListAsync(string query)
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var (response, page) = await manager.GetPageAsync($"/Manage/Applications?call={_callId}" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), query);
        return page;
    }

    private static List<string> Titles(IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-applications] [data-title]").Select(e => e.TextContent).ToList();

    private static List<string> Organisations(IHtmlDocument page) =>
        page.QuerySelectorAll("table[data-applications] [data-organisation]").Select(e => e.TextContent).ToList();
}
