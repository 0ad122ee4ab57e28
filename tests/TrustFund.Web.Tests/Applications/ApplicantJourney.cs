using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Applications;

/// <summary>Steps of the applicant's journey shared by the application tests: calls made through the domain, forms posted as a browser would.</summary>
internal static class ApplicantJourney
{
    public const string Applicant = "applicant@trustfund.test";
    public const string PendingApplicant = "applicant2@trustfund.test";

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    private static int _codes;

    /// <summary>Drafts and publishes a call open from yesterday for 30 days (unless told otherwise).</summary>
    public static async Task<Call> CreateOpenCallAsync(TrustFundApp app, Func<CallTerms, CallTerms>? adjust = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var code = $"T{Interlocked.Increment(ref _codes)}{Guid.NewGuid().ToString("N")[..5].ToUpperInvariant()}";
        var terms = new CallTerms
        {
            Code = code,
            Title = $"Test call {code}",
            WindowType = WindowType.MediumTerm,
            OpensAtUtc = now.AddDays(-1),
            ClosesAtUtc = now.AddDays(30),
            TimeZoneId = "Europe/Vienna",
            MinimumAmount = 10_000m,
            MaximumAmount = 100_000m,
            MaximumDurationMonths = 24,
            Envelope = 1_000_000m,
            RequiredDocuments = [DocumentType.AuditedFinancialStatements],
        };
        terms = adjust?.Invoke(terms) ?? terms;
        var call = Call.Draft(terms, now.AddDays(-2));
        call.Publish(now.AddDays(-2));
        await app.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            return await db.SaveChangesAsync();
        });
        return call;
    }

    public static Task<Guid> OrganisationOfAsync(TrustFundApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganisationId!.Value).SingleAsync());

    /// <summary>Adds another applicant user to an organisation (a colleague).</summary>
    public static async Task CreateColleagueAsync(TrustFundApp app, string email, string name, Guid organisationId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new TrustFundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisationId };
        Assert.That((await users.CreateAsync(user, DemoData.Password)).Succeeded, Is.True);
        Assert.That((await users.AddToRoleAsync(user, Roles.Applicant)).Succeeded, Is.True);
    }

    /// <summary>Presses "Start an application" on My applications and returns the new application's id.</summary>
    public static async Task<Guid> StartAsync(TestSession session, Guid callId)
    {
        var response = await session.PostFormAsync("/Applications", "/Applications/Start", new() { ["callId"] = callId.ToString() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "starting an application redirects to it");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/')[2]);
    }

    /// <summary>Opens a section page and posts its form with the page's version and antiforgery token plus <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SaveSectionAsync(TestSession session, Guid id, string section, IEnumerable<KeyValuePair<string, string>> fields, string? version = null)
    {
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/{section}");
        var body = new List<KeyValuePair<string, string>>(fields)
        {
            new("__RequestVerificationToken", Token(page)),
            new("Version", version ?? VersionOf(page)),
        };
        return await session.Client.PostAsync(new Uri($"/Applications/{id}/{section}", UriKind.Relative), new FormUrlEncodedContent(body));
    }

    public static string Token(IHtmlDocument page) =>
        (page.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("No antiforgery token on the page.");

    public static string VersionOf(IHtmlDocument page) =>
        (page.QuerySelector("input[name=Version]") as IHtmlInputElement)?.Value
        ?? throw new InvalidOperationException("No version field on the page.");

    public static Dictionary<string, string> CompleteProject(string title = "Safe shelter and legal aid in Lagos") => new()
    {
        ["Title"] = title,
        ["Language"] = "English",
        ["Countries"] = "NGA",
        ["Locations"] = "Lagos and Ogun states",
        ["StartDate"] = "2026-06-01",
        ["DurationMonths"] = "12",
        ["AmountRequested"] = "45000",
        ["TotalProjectCost"] = "60000",
        ["OtherFunding"] = "15000",
        ["ContextAndNeeds"] = "Context of trafficking in the region.",
        ["ObjectivesAndActivities"] = "Shelter, legal aid and reintegration.",
        ["Monitoring"] = "Quarterly reviews.",
        ["Sustainability"] = "Partnership with the state ministry.",
        ["RisksAndMitigation"] = "Security plan for shelter staff.",
    };

    /// <summary>Fills every section through the forms and uploads the required document, so the application can be submitted.</summary>
    public static async Task FillCompletelyAsync(TestSession session, Guid id, string title = "Safe shelter and legal aid in Lagos")
    {
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Project", CompleteProject(title)));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Beneficiaries", new Dictionary<string, string>
        {
            ["Counts[Female_Age18To24]"] = "40",
            ["Counts[Female_Age12To17]"] = "15",
            ["Counts[Male_Age18To24]"] = "5",
            ["ExploitationForms"] = "SexualExploitation",
            ["SafeguardingApproach"] = "Informed consent and confidential case files.",
        }));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Assistance", new Dictionary<string, string>
        {
            ["Selected"] = "ShelterAndSafeAccommodation",
            ["Descriptions[ShelterAndSafeAccommodation]"] = "A 20-bed shelter.",
        }));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = Guid.NewGuid().ToString(),
            ["Budget[0].Category"] = "DirectAssistanceToVictims",
            ["Budget[0].Description"] = "Shelter running costs",
            ["Budget[0].Quantity"] = "12",
            ["Budget[0].Unit"] = "month",
            ["Budget[0].UnitCost"] = "2500",
            ["Budget[1].Id"] = Guid.NewGuid().ToString(),
            ["Budget[1].Category"] = "Personnel",
            ["Budget[1].Description"] = "Lawyer",
            ["Budget[1].Quantity"] = "12",
            ["Budget[1].Unit"] = "month",
            ["Budget[1].UnitCost"] = "1250",
            ["Command"] = "save",
        }));
        await ExpectSavedAsync(SaveSectionAsync(session, id, "Declarations", new Dictionary<string, string>
        {
            ["DeclaresInformationAccurate"] = "true",
            ["DeclaresNoVictimIdentities"] = "true",
            ["DeclaresSafeguardingMeasures"] = "true",
        }));
        var upload = await UploadAsync(session, id, "AuditedFinancialStatements", "statements.pdf", Pdf);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), "the document is accepted");
    }

    public static async Task ExpectSavedAsync(Task<HttpResponseMessage> save)
    {
        var response = await save;
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            var page = await TestSession.ParseAsync(response);
            Assert.Fail($"Expected the section to be saved, got {(int)response.StatusCode}: {page.QuerySelector("[data-error-summary]")?.TextContent ?? page.QuerySelector("[data-conflict]")?.TextContent}");
        }
    }

    public static async Task<HttpResponseMessage> UploadAsync(TestSession session, Guid id, string documentType, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var (_, page) = await session.GetPageAsync($"/Applications/{id}/Documents");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Token(page)), "__RequestVerificationToken" },
            { new StringContent(documentType), "DocumentType" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "File", fileName);
        return await session.Client.PostAsync(new Uri($"/Applications/{id}/Documents", UriKind.Relative), form);
    }

    /// <summary>Posts the submit button of the checklist page.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(TestSession session, Guid id)
    {
        var token = await session.AntiforgeryTokenAsync($"/Applications/{id}/Submit");
        return await PostWithTokenAsync(session, $"/Applications/{id}/Submit", token, []);
    }

    public static Task<HttpResponseMessage> PostWithTokenAsync(TestSession session, string action, string token, Dictionary<string, string> fields)
    {
        var body = new List<KeyValuePair<string, string>>(fields) { new("__RequestVerificationToken", token) };
        return session.Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(body));
    }

    public static Task<GrantApplication> ReadAsync(TrustFundApp app, Guid id) =>
        app.WithDbAsync(db => db.Applications.AsNoTracking().Include(a => a.Versions).SingleAsync(a => a.Id == id));
}
