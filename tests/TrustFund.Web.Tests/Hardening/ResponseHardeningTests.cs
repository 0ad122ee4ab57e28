using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Organisations;

namespace TrustFund.Web.Tests.Hardening;

public sealed class ResponseHardeningTests
{
    private const string SecretMessage = "secret internal detail 7f3a";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Download_UploadedFile_IsSandboxedNosniffNoStoreAttachment()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        await applicant.PostFileAsync("/Organisation/Documents", "/Organisation/Documents", new() { ["DocumentType"] = "PseaPolicy" }, "File", "policy-headers.pdf", MultipartForms.Pdf("headers"));
        var (_, page) = await applicant.GetPageAsync("/Organisation/Documents");
        var href = page.QuerySelectorAll("a[href^='/Organisation/Documents/']").First(a => a.TextContent == "policy-headers.pdf").GetAttribute("href")!;

        var download = await applicant.GetAsync(href);

        Assert.Multiple(() =>
        {
            Assert.That(download.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(download.Content.Headers.ContentDisposition!.DispositionType, Is.EqualTo("attachment"));
            Assert.That(Header(download, "Content-Security-Policy"), Does.StartWith("sandbox"));
            Assert.That(Header(download, "X-Content-Type-Options"), Is.EqualTo("nosniff"));
            Assert.That(Header(download, "Cache-Control"), Does.Contain("no-store"));
        });
    }

    [Test]
    public async Task Page_Always_SendsFramingOpenerAndPermissionsPolicies()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync("/Account/Login");

        Assert.Multiple(() =>
        {
            Assert.That(Header(response, "Content-Security-Policy"), Does.Contain("frame-ancestors 'none'").And.Contain("script-src 'self'").And.Not.Contain("unsafe-inline"));
            Assert.That(Header(response, "Permissions-Policy"), Does.Contain("camera=()"));
            Assert.That(Header(response, "Cross-Origin-Opener-Policy"), Is.EqualTo("same-origin"));
            Assert.That(Header(response, "Cache-Control"), Does.Contain("no-store"));
        });
    }

    [Test]
    public async Task Production_HttpsPage_SendsHsts()
    {
        using var production = Production();
        using var client = production.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://trustfund.example.org"), AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri("/Account/Login", UriKind.Relative));

        Assert.That(Header(response, "Strict-Transport-Security"), Does.Contain("max-age="));
    }

    [Test]
    public async Task Production_UnhandledException_ShowsGenericPageWithCorrelationIdAndNoStackTrace()
    {
        using var production = Production();
        using var session = new TestSession(production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        var response = await session.GetAsync(ThrowingEndpoint.Path);
        var html = await response.Content.ReadAsStringAsync();
        var page = TestSession.Parse(html);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.InternalServerError));
            Assert.That(page.QuerySelector("h1")!.TextContent, Does.Contain("Sorry, there is a problem with the service"));
            Assert.That(page.QuerySelector("main code, code")?.TextContent.Trim(), Is.Not.Null.And.Not.Empty, "A correlation id to quote");
            Assert.That(html, Does.Not.Contain(SecretMessage).And.Not.Contain("InvalidOperationException").And.Not.Contain(" at TrustFund"));
        });
    }

    [Test]
    public async Task Production_UnhandledException_IsLoggedWithTheReferenceThePageShows()
    {
        var logs = new ErrorLog();
        using var production = Production(logs);
        using var session = new TestSession(production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        var response = await session.GetAsync(ThrowingEndpoint.Path);
        var page = await TestSession.ParseAsync(response);
        var reference = page.QuerySelector("main code, code")!.TextContent.Trim();

        var logged = logs.Errors.Where(e => e.Exception?.Message == SecretMessage).ToList();
        Assert.That(logged, Has.Count.EqualTo(1), "the failure is logged once, with its exception");
        Assert.That(logged[0].Scope, Does.Contain(reference.Split('-')[1]), $"the log carries the trace id of the reference {reference}");
        var json = production.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.That(json.IncludeScopes, Is.True, "production's JSON log lines include the request's scopes (its trace id)");
    }

    [Test]
    public async Task Production_PageNotFound_ShowsAReferenceThatTheLogLineCarries()
    {
        var logs = new ErrorLog(LogLevel.Information);
        using var production = Production(logs);
        using var session = new TestSession(production.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }));
        await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = "reviewer@trustfund.test", ["Password"] = TrustFund.Infrastructure.Demo.DemoData.Password });

        var path = $"/Applications/{Guid.NewGuid()}/Documents/{Guid.NewGuid()}";
        var response = await session.GetAsync(path);
        var page = await TestSession.ParseAsync(response);
        var reference = page.QuerySelector("main code")?.TextContent.Trim();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(reference, Is.Not.Null.And.Not.Empty, "the not-found page gives a reference to quote");
        var line = logs.Lines.SingleOrDefault(l => l.Message.Contains($"Status 404 shown for {path}", StringComparison.Ordinal));
        Assert.That(line.Message, Does.Contain(reference), "the log line names the reference the page shows");
        Assert.That(line.Scope, Does.Contain(reference!.Split('-')[1]), "and carries its trace id");
    }

    [Test]
    public void Production_Logging_WritesOneJsonObjectPerLine()
    {
        using var production = Production();

        var options = production.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue;
        var json = production.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;

        Assert.That(options.FormatterName, Is.EqualTo(ConsoleFormatterNames.Json));
        Assert.That(json.JsonWriterOptions.Indented, Is.False);
    }

    private WebApplicationFactory<Program> Production(ErrorLog? logs = null) =>
        _app.WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("PublicSite:BaseUrl", "https://trustfund.example.org");
            builder.ConfigureServices(services => services.AddTransient<IStartupFilter, ThrowingEndpoint>());
            if (logs is not null)
            {
                builder.ConfigureLogging(logging => logging.AddProvider(logs));
            }
        });

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : string.Empty;

    /// <summary>A path that fails, behind the app's own pipeline (and so its exception handler); only in this test host.</summary>
    private sealed class ThrowingEndpoint : IStartupFilter
    {
        public const string Path = "/test-only/throw";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate _) => context.Request.Path == Path
                ? throw new InvalidOperationException(SecretMessage)
                : Task.CompletedTask);
        };
    }

    /// <summary>Keeps the errors logged, each with the text of the scopes it was logged in.</summary>
    private sealed class ErrorLog(LogLevel minimum = LogLevel.Error) : ILoggerProvider, ISupportExternalScope
    {
        private readonly LogLevel _minimum = minimum;
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

        public List<(Exception? Exception, string Scope)> Errors { get; } = [];

        public List<(string Message, string Scope)> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Recorder(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose()
        {
        }

        private sealed class Recorder(ErrorLog owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => owner._scopes.Push(state);

            public bool IsEnabled(LogLevel logLevel) => logLevel >= owner._minimum;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel < owner._minimum)
                {
                    return;
                }

                var scope = new System.Text.StringBuilder();
                owner._scopes.ForEachScope((value, text) => text.Append(value is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : value).Append('|'), scope);
                lock (owner.Errors)
                {
                    owner.Lines.Add((formatter(state, exception), scope.ToString()));
                    if (logLevel >= LogLevel.Error)
                    {
                        owner.Errors.Add((exception, scope.ToString()));
                    }
                }
            }
        }
    }
}
