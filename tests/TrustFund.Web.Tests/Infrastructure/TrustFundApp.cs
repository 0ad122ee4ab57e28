using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using TrustFund.Application.Accounts;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>
/// The whole app in memory over its own SQLite file, migrated as in production, with the demo
/// accounts, a fake clock and the email dispatcher off (tests dispatch explicitly).
/// </summary>
public sealed class TrustFundApp : WebApplicationFactory<Program>
{
    private readonly string _databaseFile = Path.Combine(Path.GetTempPath(), $"trustfund-test-{Guid.NewGuid():N}.db");
    private readonly Dictionary<string, string?> _settings;

    public TrustFundApp(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:TrustFund"] = $"Data Source={_databaseFile}",
            ["Database:MigrateOnStartup"] = "true",
            ["Email:DispatcherEnabled"] = "false",
            ["Reviews:RemindersEnabled"] = "false",
            ["Reports:RemindersEnabled"] = "false",
            ["RateLimits:Enabled"] = "false",
            ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), $"trustfund-mail-{Guid.NewGuid():N}"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The address requests come from (the in-memory server has none unless set).</summary>
    public System.Net.IPAddress? ConnectionAddress { get; init; }

    /// <summary>
    /// Benchmark mode: the baselines assembly loaded as a hosting startup, as the benchmark loads it
    /// into the published app (the <c>/bench</c> endpoints and the <c>X-Sql-Statements</c> header).
    /// </summary>
    public bool BenchmarkMode { get; init; }

    /// <summary>Services added after the app's own (test exporters, listeners).</summary>
    public Action<IServiceCollection>? AdditionalServices { get; init; }

    private readonly TestProgressLoggerProvider _log = new();

    /// <summary>The last errors the app logged (an unhandled exception behind a 500), oldest first.</summary>
    public IReadOnlyList<string> ServerErrors => _log.Errors;

    /// <summary>The app's clock; move it to test time-dependent rules.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public string PickupFolder => _settings["Email:PickupFolder"]!;

    /// <summary>The connection string of the app's database (settings may point it at another app's file).</summary>
    public string ConnectionString => _settings["ConnectionStrings:TrustFund"]!;

    /// <summary>The SQLite file the app uses.</summary>
    public string DatabaseFile => new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>Starts the app (migrating its database) and adds the demo accounts.</summary>
    public async Task<TrustFundApp> StartAsync()
    {
        _ = Server;
        await DemoData.SeedAsync(Services);
        return this;
    }

    /// <summary>A client that keeps cookies and does not follow redirects.</summary>
    public TestSession NewSession()
    {
        var cookies = new CookieContainerHandler();
        return new(CreateDefaultClient(new Uri("http://localhost"), cookies)) { Cookies = cookies.Container };
    }

    /// <summary>Another client holding copies of the cookies <paramref name="session"/> holds now, as someone who copied them would.</summary>
    public TestSession CopyOf(TestSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var copy = NewSession();
        foreach (System.Net.Cookie cookie in session.Cookies!.GetAllCookies())
        {
            copy.Cookies!.Add(new System.Net.Cookie(cookie.Name, cookie.Value, cookie.Path, cookie.Domain));
        }

        return copy;
    }

    /// <summary>
    /// A signed-in session for a demo account. For an account with two-factor sign-in on, the second
    /// step is completed with the code an authenticator app would show now.
    /// </summary>
    public async Task<TestSession> SignInAsync(string email, string password = DemoData.Password)
    {
        var session = NewSession();
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        if (TestSession.IsRedirectTo(response, "/Account/LoginWith2fa"))
        {
            var key = await AuthenticatorKeyAsync(email)
                ?? throw new InvalidOperationException($"{email} must enter an authenticator code but has no key.");
            response = await session.PostFormAsync(response.Headers.Location!.OriginalString, "/Account/LoginWith2fa", new() { ["Code"] = await UnusedCodeAsync(email, key) });
        }

        if (response.StatusCode != System.Net.HttpStatusCode.Redirect || TestSession.IsRedirectTo(response, "/Account/Login"))
        {
            throw new InvalidOperationException($"Sign-in of {email} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }

        return session;
    }

    /// <summary>The code an authenticator app with <paramref name="key"/> shows at the app's clock.</summary>
    public string CodeNow(string key) => Totp.At(key, Clock.GetUtcNow());

    /// <summary>
    /// The code an authenticator app shows now, unless the app already accepted this step's code from
    /// the user (each code works once): then, like a person, waits for the next code by moving the clock.
    /// </summary>
    public async Task<string> UnusedCodeAsync(string email, string key)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var now = OneTimeAuthenticatorTokenProvider.StepOf(Clock.GetUtcNow());
        if (await OneTimeAuthenticatorTokenProvider.LastAcceptedStepAsync(users, user) is { } last && last >= now)
        {
            Clock.Advance(TimeSpan.FromSeconds((last + 1 - now) * OneTimeAuthenticatorTokenProvider.StepSeconds));
        }

        return CodeNow(key);
    }

    /// <summary>The authenticator key Identity keeps for the user, or null.</summary>
    public async Task<string?> AuthenticatorKeyAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        return await users.GetAuthenticatorKeyAsync(user);
    }

    /// <summary>Runs <paramref name="action"/> with a fresh database context.</summary>
    public async Task<T> WithDbAsync<T>(Func<TrustFundDbContext, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (BenchmarkMode)
        {
            builder.UseSetting(WebHostDefaults.HostingStartupAssembliesKey, BenchmarkBaselines.AssemblyName);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(_log));
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (ConnectionAddress is { } address)
            {
                services.AddSingleton<IStartupFilter>(new ConnectionAddress(address));
            }

            AdditionalServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}
