using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Security.SecurityMatrixTests.Expect;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Who may reach what. Every endpoint the app maps must have one line in <see cref="Matrix"/>; every
/// line is requested as an anonymous visitor and as each demo role. GET and any-method ("*") lines
/// say what a GET answers; POST lines say what a POST WITHOUT an antiforgery token answers (so it is
/// refused: 400, or 403 / sign-in redirect when authorization refuses first).
/// </summary>
public sealed class SecurityMatrixTests
{
    // To add an endpoint: one line, then (if it has a new route parameter) a sample value in RouteSamples.Values
    // (by parameter name, or by "route prefix:parameter name" when the same name means another record).
    //   Method  Route pattern as mapped           Anonymous        Applicant   Reviewer    FundManager FinanceOff. Administrator
    private static readonly EndpointRule[] Matrix =
    [
        new("GET",  "/",                            RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/Login",               Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Login",               BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/Logout",              BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/AccessDenied",        Forbidden,       Forbidden,  Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("*",    "/Error",                       ServerError,     ServerError, ServerError, ServerError, ServerError, ServerError),
        new("*",    "/Error/{code:int:range(400,599)}", NotFound,        NotFound,   NotFound,   NotFound,   NotFound,   NotFound),
        new("*",    "/health/live",                 Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("*",    "/health/ready",                Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/Register",            Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Register",            BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ConfirmEmail",        Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/ResendConfirmation",  Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ResendConfirmation",  BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ForgotPassword",      Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ForgotPassword",      BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ResetPassword",       Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ResetPassword",       BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/AcceptInvitation",    Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/AcceptInvitation",    BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/ChangePassword",      RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/ChangePassword",      RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/LoginWith2fa",        RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin),
        new("POST", "/Account/LoginWith2fa",        BadRequest,      BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/LoginWithRecoveryCode", RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin, RedirectToLogin),
        new("POST", "/Account/LoginWithRecoveryCode", BadRequest,    BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/TwoFactor",           RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/Account/TwoFactor/Enable",    RedirectToLogin, Ok,         Ok,         Redirect,   Redirect,   Redirect),
        new("POST", "/Account/TwoFactor/Enable",    RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/RecoveryCodes", RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/Reset",     RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/TwoFactor/Disable",   RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/SignOutEverywhere",   RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Account/Sessions",           RedirectToLogin, Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/Account/Sessions/EndOthers",  RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("POST", "/Account/Sessions/{id:guid}/End", RedirectToLogin, BadRequest, BadRequest, BadRequest, BadRequest, BadRequest),
        new("GET",  "/Admin/Users",                 RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("GET",  "/Admin/Users/Invite",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Users/Invite",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
        new("GET",  "/Admin/Users/{id:guid}",       RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Users/{id:guid}/Roles", RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Deactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Reactivate", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("POST", "/Admin/Users/{id:guid}/Invitation", RedirectToLogin, Forbidden, Forbidden, Forbidden, Forbidden, BadRequest),
        new("GET",  "/Manage/Calls",                RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/New",            RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/New",            RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}",      RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("GET",  "/Manage/Calls/{id:guid}/Edit", RedirectToLogin, Forbidden,  Forbidden,  Ok,         Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Edit", RedirectToLogin, Forbidden,  Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Publish", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Close", RedirectToLogin, Forbidden, Forbidden,  BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Delete", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden,  Forbidden),
        new("POST", "/Manage/Calls/{id:guid}/Questions/{questionId:guid}", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/calls",                       Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("GET",  "/calls/{code}",                Ok,              Ok,         Ok,         Ok,         Ok,         Ok),
        new("POST", "/calls/{code}/questions",      RedirectToLogin, BadRequest, Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/calls/{code}/questions/{id:guid}", RedirectToLogin, Ok,    Forbidden,  Forbidden,  Forbidden,  Forbidden),
        new("GET",  "/Applications", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Assistance", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Beneficiaries", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Budget", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Declarations", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Documents", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Project", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Submit", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Withdraw", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Receipt", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Versions/Compare", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/Start", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Assistance", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Beneficiaries", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Budget", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Declarations", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Documents/{attachmentId:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Project", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Submit", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Applications/{id:guid}/Withdraw", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Applications/{id:guid}/Documents/{attachmentId:guid}", RedirectToLogin, Ok, NotFound, Ok, NotFound, NotFound),
        new("GET",  "/Manage/Applications", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}/Attachments/{attachmentId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/RequestInformation", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Applications/{id:guid}/Screening", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Forbidden),
        new("POST", "/Manage/Applications/{id:guid}/Screening", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, Forbidden),
        new("GET",  "/Manage/Organisations", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("GET",  "/Manage/Organisations/{id:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("GET",  "/Manage/Organisations/{id:guid}/Documents/{documentId:guid}", RedirectToLogin, Forbidden, Forbidden, Ok, Forbidden, Ok),
        new("POST", "/Manage/Organisations/{id:guid}/Reject", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/Suspend", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/Verify", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("POST", "/Manage/Organisations/{id:guid}/VerifyBank", RedirectToLogin, Forbidden, Forbidden, BadRequest, Forbidden, BadRequest),
        new("GET",  "/Organisation", RedirectToLogin, Redirect, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Bank", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Documents", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Members", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Profile", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Organisation/Documents/{id:guid}", RedirectToLogin, Ok, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Bank", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Documents", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Documents/{id:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Members/Invite", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Members/{id:guid}/Remove", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("POST", "/Organisation/Profile", RedirectToLogin, BadRequest, Forbidden, Forbidden, Forbidden, Forbidden),
        new("GET",  "/Admin/Audit",                 RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("GET",  "/Admin/Audit/{sequence:long}", RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  Ok),
        new("POST", "/Admin/Audit/Verify",          RedirectToLogin, Forbidden,  Forbidden,  Forbidden,  Forbidden,  BadRequest),
    ];

    /// <summary>Demo account signed in for each role column.</summary>
    private static readonly (string Role, string Email)[] RoleAccounts =
    [
        (Roles.Applicant, "applicant@trustfund.test"),
        (Roles.Reviewer, "reviewer@trustfund.test"),
        (Roles.FundManager, "manager@trustfund.test"),
        (Roles.FinanceOfficer, "finance@trustfund.test"),
        (Roles.Administrator, "admin@trustfund.test"),
    ];

    private const string AnonymousName = "Anonymous";

    private readonly Dictionary<string, TestSession> _sessions = [];
    private TrustFundApp _app = null!;
    private RouteSamples _samples = null!;

    /// <summary>What an endpoint answers.</summary>
    public enum Expect
    {
        Ok,
        RedirectToLogin,
        Redirect,
        BadRequest,
        Forbidden,
        NotFound,
        ServerError,
    }

    public static IEnumerable<TestCaseData> Rules =>
        Matrix.Select(rule => new TestCaseData(rule).SetArgDisplayNames($"{rule.Method} {rule.Pattern}"));

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _sessions[AnonymousName] = _app.NewSession();
        foreach (var (role, email) in RoleAccounts)
        {
            _sessions[role] = await _app.SignInAsync(email);
        }

        _samples = await RouteSamples.CreateAsync(_app);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _app.Dispose();
    }

    [Test]
    public void Matrix_CoversEveryMappedEndpointAndNothingElse()
    {
        var mapped = MappedEndpoints().Keys.ToHashSet();
        var listed = Matrix.Select(r => r.Key).ToList();

        var missing = mapped.Except(listed).OrderBy(k => k.Pattern, StringComparer.Ordinal).ThenBy(k => k.Method, StringComparer.Ordinal).ToList();
        var stale = listed.Except(mapped).ToList();
        var duplicated = listed.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(missing, Is.Empty, "Endpoints missing from the security matrix (add a line for each):\n" + string.Join('\n', missing.Select(k => $"    new(\"{k.Method}\", \"{k.Pattern}\", ...),")));
            Assert.That(stale, Is.Empty, "Matrix lines whose endpoint is no longer mapped (remove or correct them):\n" + string.Join('\n', stale.Select(k => $"    {k.Method} {k.Pattern}")));
            Assert.That(duplicated, Is.Empty, "Endpoints listed twice in the matrix");
        });
    }

    [TestCaseSource(nameof(Rules))]
    public async Task Endpoint_AnonymousAndEachRole_AnswerAsTheMatrixSays(EndpointRule rule)
    {
        if (!MappedEndpoints().TryGetValue(rule.Key, out var endpoint))
        {
            Assert.Fail($"{rule.Method} {rule.Pattern} is in the matrix but not mapped by the app.");
            return;
        }

        var url = FillRoute(endpoint.RoutePattern);
        var method = rule.Method == "*" ? HttpMethods.Get : rule.Method;
        var actual = new List<string>();
        var expected = new List<string>();
        foreach (var (identity, expect) in rule.Expectations)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(url, UriKind.Relative));
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method))
            {
                // Deliberately no __RequestVerificationToken.
                request.Content = new FormUrlEncodedContent([]);
            }

            using var response = await _sessions[identity].Client.SendAsync(request);
            actual.Add($"{identity}: {Describe(response)}");
            expected.Add($"{identity}: {expect}");
        }

        Assert.That(actual, Is.EqualTo(expected), $"{method} {url}");
    }

    [Test]
    public void Matrix_PostLines_ExpectRefusalWithoutAntiforgeryToken()
    {
        var posts = Matrix.Where(r => r.Method is "POST" or "PUT" or "PATCH" or "DELETE").ToList();

        Assert.That(posts, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var rule in posts)
            {
                Assert.That(rule.Expectations.Select(e => e.Expect), Is.All.AnyOf(BadRequest, Forbidden, RedirectToLogin), $"{rule.Method} {rule.Pattern}: a tokenless POST must be refused");
                Assert.That(rule.Expectations.Where(e => e.Identity != AnonymousName).Select(e => e.Expect), Has.Some.EqualTo(BadRequest), $"{rule.Method} {rule.Pattern}: a signed-in user it admits must still be refused without a token");
            }
        });
    }

    [TestCase(null, "/Account/Login")]
    [TestCase(Roles.Administrator, "/")]
    [TestCase(Roles.Administrator, "/Admin/Audit")]
    [TestCase(Roles.Applicant, "/")]
    [TestCase(Roles.Applicant, "/Admin/Audit")]
    [TestCase(null, "/no/such/page")]
    public async Task Page_Always_SendsSecurityHeadersAndIsNeverCached(string? role, string url)
    {
        var response = await _sessions[role ?? AnonymousName].GetAsync(url);

        var csp = Directives(response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Multiple(() =>
        {
            Assert.That(csp["script-src"], Does.Contain("'self'").And.Not.Contain("'unsafe-inline'").And.Not.Contain("'unsafe-eval'"));
            Assert.That(csp["default-src"], Is.EqualTo(new[] { "'self'" }));
            Assert.That(csp["frame-ancestors"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(csp["object-src"], Is.EqualTo(new[] { "'none'" }));
            Assert.That(csp.ContainsKey("style-src") && !csp["style-src"].Contains("'unsafe-inline'"), Is.True, "style-src without 'unsafe-inline'");
            Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(response, "X-Frame-Options"), Is.EqualTo("DENY"));
            Assert.That(Header(response, "Referrer-Policy"), Is.EqualTo("strict-origin-when-cross-origin"));
            Assert.That(response.Headers.CacheControl?.NoStore, Is.True, "Cache-Control: no-store");
        });
    }

    [Test]
    public async Task StaticAsset_MayBeCachedButKeepsNosniff()
    {
        var response = await _sessions[AnonymousName].GetAsync("/css/site.css");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Headers.CacheControl?.NoStore ?? false, Is.False);
        Assert.That(Header(response, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
    }

    [Test]
    public async Task SignIn_AuthCookie_IsHttpOnlyLaxAndEndsWithTheBrowserSession()
    {
        using var session = _app.NewSession();

        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer2@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        var auth = cookies.Where(c => c.StartsWith("TrustFund.Auth", StringComparison.Ordinal)).ToList();
        Assert.That(auth, Is.Not.Empty, string.Join('\n', cookies));
        foreach (var cookie in auth)
        {
            var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
            Assert.That(attributes, Does.Contain("httponly"), cookie);
            Assert.That(attributes, Does.Contain("samesite=lax"), cookie);
            Assert.That(attributes, Does.Contain("path=/"), cookie);
            Assert.That(attributes.Any(a => a.StartsWith("expires=", StringComparison.Ordinal) || a.StartsWith("max-age=", StringComparison.Ordinal)), Is.False, $"not kept after the browser closes: {cookie}");
        }
    }

    [Test]
    public async Task AccessDenied_SignedInUser_IsRecordedInTheAuditTrail()
    {
        var before = await DenialsAsync();

        var refused = await _sessions[Roles.Applicant].GetAsync("/Admin/Audit?Action=account.*");
        var anonymous = await _sessions[AnonymousName].GetAsync("/Admin/Audit");

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(TestSession.IsRedirectTo(anonymous, "/Account/Login"), Is.True);
        var after = await DenialsAsync();
        Assert.That(after, Has.Count.EqualTo(before.Count + 1), "one entry for the signed-in refusal, none for the anonymous redirect");
        var entry = after[^1];
        Assert.That(entry.Actor, Is.EqualTo("applicant@trustfund.test"));
        Assert.That(entry.Summary, Is.EqualTo("GET /Admin/Audit refused"));
        Assert.That(entry.ActorId, Is.Not.Null);
    }

    private async Task<List<(string? Actor, string Summary, Guid? ActorId)>> DenialsAsync()
    {
        var rows = await _app.WithDbAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditActions.PermissionDenied)
            .OrderBy(e => e.Sequence)
            .Select(e => new { e.ActorName, e.Summary, e.ActorId })
            .ToListAsync());
        return [.. rows.Select(r => (r.ActorName, r.Summary, r.ActorId))];
    }

    private Dictionary<EndpointKey, RouteEndpoint> MappedEndpoints() => RouteSamples.MappedEndpoints(_app);

    private string FillRoute(RoutePattern pattern) => _samples.Fill(pattern);

    private static string Describe(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400)
        {
            return TestSession.IsRedirectTo(response, "/Account/Login") ? nameof(RedirectToLogin) : nameof(Redirect);
        }

        return status switch
        {
            200 => nameof(Ok),
            400 => nameof(BadRequest),
            403 => nameof(Forbidden),
            404 => nameof(NotFound),
            500 => nameof(ServerError),
            _ => status.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.OrdinalIgnoreCase);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    public readonly record struct EndpointKey(string Method, string Pattern)
    {
        public override string ToString() => $"{Method} {Pattern}";
    }

    /// <summary>One line of the matrix: an endpoint and what each identity gets from it.</summary>
    public sealed record EndpointRule(string Method, string Pattern, Expect Anonymous, Expect Applicant, Expect Reviewer, Expect FundManager, Expect FinanceOfficer, Expect Administrator)
    {
        public EndpointKey Key => new(Method, Pattern);

        public IEnumerable<(string Identity, Expect Expect)> Expectations =>
        [
            (AnonymousName, Anonymous),
            (Roles.Applicant, Applicant),
            (Roles.Reviewer, Reviewer),
            (Roles.FundManager, FundManager),
            (Roles.FinanceOfficer, FinanceOfficer),
            (Roles.Administrator, Administrator),
        ];

        public override string ToString() => $"{Method} {Pattern}";
    }
}
