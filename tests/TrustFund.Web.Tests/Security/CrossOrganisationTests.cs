using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Payments;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Every route with an id parameter (found from the endpoint data source) is tried by
/// applicant@trustfund.test with another organisation's records, by GET and by POST with a valid
/// antiforgery token: 404 every time, and the other organisation's records are untouched.
/// </summary>
public sealed class CrossOrganisationTests
{
    private TrustFundApp _app = null!;
    private RouteSamples _own = null!;
    private OtherOrganisation _other = null!;
    private RouteSamples _theirs = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _own = await HostileData.SamplesAsync(_app);
        _other = await HostileData.OtherOrganisationAsync(_app, _own);
        _theirs = new RouteSamples();
        foreach (var (key, value) in _own.Values)
        {
            _theirs.Values[key] = value;
        }

        _theirs.Values["id"] = _other.MemberId.ToString();
        _theirs.Values["/Applications:id"] = _other.ApplicationId.ToString();
        _theirs.Values["/Manage/Applications:id"] = _other.ApplicationId.ToString();
        _theirs.Values["/applications/{id:guid}/dossier:id"] = _other.ApplicationId.ToString();
        _theirs.Values["attachmentId"] = _other.ApplicationDocumentId.ToString();
        _theirs.Values["/Applications:attachmentId"] = _other.ApplicationDocumentId.ToString();
        _theirs.Values["/Organisation/Documents:id"] = _other.OrganisationDocumentId.ToString();
        _theirs.Values["documentId"] = _other.OrganisationDocumentId.ToString();
        _theirs.Values["/Manage/Organisations:id"] = _other.OrganisationId.ToString();
        _theirs.Values["/Organisation/Members:id"] = _other.MemberId.ToString();
        _theirs.Values["questionId"] = _other.QuestionId.ToString();
        _theirs.Values["/calls:id"] = _other.QuestionId.ToString();
        _theirs.Values["/Manage/Calls:id"] = _other.CallId.ToString();
        var theirGrant = await PaymentWebData.ActiveGrantAsync(_app, _other.OrganisationId, "PAYX");
        _theirs.Values["grantId"] = theirGrant.Id.ToString();
        _theirs.Values["instalmentId"] = theirGrant.Instalments[0].Id.ToString();
        _theirs.Values["/grants/{id:guid}:id"] = theirGrant.Id.ToString();
        _theirs.Values["/Grants:id"] = _other.GrantId.ToString();
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task EveryIdRoute_AnotherOrganisationsIds_Answer404()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var token = await applicant.AntiforgeryTokenAsync("/Organisation/Profile");
        var tried = new List<string>();
        var notForApplicants = new List<string>();
        var failures = new List<string>();
        var routes = RouteSamples.MappedEndpoints(_app)
            .Where(e => e.Key.Method is "GET" or "POST" && IdParameters(e.Value.RoutePattern).Count > 0)
            .OrderBy(e => e.Key.Method == "POST" ? 1 : 0)
            .ThenBy(e => e.Key.Pattern, StringComparer.Ordinal)
            .ToList();

        foreach (var (key, endpoint) in routes)
        {
            var pattern = endpoint.RoutePattern;
            if (!await AdmitsApplicantAsync(applicant, key.Method, _own.Fill(pattern)))
            {
                notForApplicants.Add(key.ToString());
                continue;
            }

            // All ids another organisation's: 404.
            var url = _theirs.Fill(pattern);
            var answer = await RequestAsync(applicant, key.Method, url, token);
            tried.Add($"{key.Method} {url}");
            if (answer.Status != HttpStatusCode.NotFound)
            {
                failures.Add($"{key.Method} {url} ({key.Pattern}): {(int)answer.Status} {answer.Location}");
            }

            // One id another organisation's, the rest the applicant's own: 404, or exactly what an id
            // that exists nowhere gets (so the answer tells nothing about the other organisation).
            var ids = IdParameters(pattern);
            foreach (var id in ids.Count > 1 ? ids : [])
            {
                var mixed = _own.Fill(pattern, new Dictionary<string, string> { [id] = _theirs.SampleFor(pattern.RawText!, id)! });
                var nowhere = _own.Fill(pattern, new Dictionary<string, string> { [id] = Guid.NewGuid().ToString() });
                var mixedAnswer = await RequestAsync(applicant, key.Method, mixed, token);
                tried.Add($"{key.Method} {mixed}");
                if (mixedAnswer.Status == HttpStatusCode.NotFound)
                {
                    continue;
                }

                var nowhereAnswer = await RequestAsync(applicant, key.Method, nowhere, token);
                if (mixedAnswer.Status != nowhereAnswer.Status || mixedAnswer.Location != nowhereAnswer.Location)
                {
                    failures.Add($"{key.Method} {mixed} ({key.Pattern}, {{{id}}} another organisation's): {(int)mixedAnswer.Status} {mixedAnswer.Location}, but an unknown id gets {(int)nowhereAnswer.Status} {nowhereAnswer.Location}");
                }
            }
        }

        await TestContext.Out.WriteLineAsync($"Cross-organisation: {tried.Count} requests on {routes.Count - notForApplicants.Count} id routes open to applicants; refused by role before any lookup: {string.Join(", ", notForApplicants)}");
        Assert.That(routes.Count - notForApplicants.Count, Is.GreaterThanOrEqualTo(10), "id routes open to applicants");
        Assert.That(failures, Is.Empty, string.Join('\n', failures));

        var untouched = await _app.WithDbAsync(async db => new
        {
            Status = await db.Applications.Where(a => a.Id == _other.ApplicationId).Select(a => a.Status).SingleAsync(),
            Documents = await db.Attachments.CountAsync(a => a.Id == _other.ApplicationDocumentId || a.Id == _other.OrganisationDocumentId),
            Member = await db.Users.Where(u => u.Id == _other.MemberId).Select(u => u.OrganisationId).SingleAsync(),
        });
        Assert.That(untouched.Status, Is.EqualTo(ApplicationStatus.Draft));
        Assert.That(untouched.Documents, Is.EqualTo(2));
        Assert.That(untouched.Member, Is.EqualTo(_other.OrganisationId));
    }

    private static async Task<(HttpStatusCode Status, string? Location)> RequestAsync(TestSession applicant, string method, string url, string token)
    {
        using var response = method == HttpMethods.Get
            ? await applicant.GetAsync(url)
            : await applicant.Client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    private static List<string> IdParameters(RoutePattern pattern) =>
    [
        .. pattern.Parameters
            .Where(p => p.ParameterPolicies.Any(c => c.Content == "guid") || p.Name.Equals("id", StringComparison.OrdinalIgnoreCase) || p.Name.EndsWith("Id", StringComparison.Ordinal))
            .Select(p => p.Name),
    ];

    /// <summary>
    /// Whether authorization lets the applicant through to the action at all: a GET of their own
    /// record, or a tokenless POST (refused by antiforgery with 400 only once authorization passed).
    /// </summary>
    private static async Task<bool> AdmitsApplicantAsync(TestSession applicant, string method, string ownUrl)
    {
        using var response = method == HttpMethods.Get
            ? await applicant.GetAsync(ownUrl)
            : await applicant.PostWithoutTokenAsync(ownUrl, []);
        return response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized)
            && !TestSession.IsRedirectTo(response, "/Account/Login");
    }
}
