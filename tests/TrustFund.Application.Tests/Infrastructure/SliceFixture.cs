using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Infrastructure;

/// <summary>
/// The application layer and its infrastructure over a SQLite file migrated as in production, without
/// HTTP: a test sends a use case as a given user and looks at what was saved (as jbogard's
/// ContosoUniversity SliceFixture does). Each request runs in its own scope, like a web request.
/// </summary>
public sealed class SliceFixture : IAsyncDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"trustfund-slice-{Guid.NewGuid():N}.db");
    private readonly ServiceProvider _services;

    private SliceFixture(Action<IServiceCollection>? configure)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:TrustFund"] = $"Data Source={_file}",
            ["Email:DispatcherEnabled"] = "false",
            ["Email:PickupFolder"] = Path.Combine(Path.GetTempPath(), $"trustfund-slice-mail-{Guid.NewGuid():N}"),
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Actor);
        services.AddSingleton<ICurrentActor>(Actor);
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o => o.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("en"));
        services.AddAuthorizationCore();
        services.AddTrustFundApplication();
        services.AddTrustFundInfrastructure(configuration, new TestEnvironment());
        services.AddTrustFundIdentity();
        services.AddSingleton<IAccountLinks>(new Accounts.TestAccountLinks());
        services.AddSignInSessions(TimeSpan.FromHours(8));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The clock every use case reads; tests move it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Who the use cases run as.</summary>
    public TestActor Actor { get; } = new();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>A migrated, empty database with the roles; <paramref name="configure"/> may replace services.</summary>
    public static async Task<SliceFixture> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var fixture = new SliceFixture(configure);
        await using var scope = fixture._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().Database.MigrateAsync();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<TrustFundRole>>();
        foreach (var role in Roles.All)
        {
            await roles.CreateAsync(new TrustFundRole(role));
        }

        return fixture;
    }

    /// <summary>Runs a use case in a new scope, as a web request would.</summary>
    public async Task<Outcome<T>> RunAsync<T>(IUseCase<T> request)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(request);
    }

    /// <summary>Runs <paramref name="action"/> against the database in a new scope (to arrange data or read what was saved).</summary>
    public async Task<T> WithDbAsync<T>(Func<TrustFundDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<TrustFundDbContext>());
    }

    /// <summary>Runs <paramref name="action"/> with a new scope's services.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Creates a user with a password-less account (enough to act as them) and signs in as them.</summary>
    public async Task<TrustFundUser> SignInAsNewUserAsync(string email, string role, Guid? organisationId = null, string? name = null)
    {
        var user = new TrustFundUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name ?? email, OrganisationId = organisationId, CreatedAtUtc = Now };
        await WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<TrustFundUser>>();
            var created = await users.CreateAsync(user);
            Assert.That(created.Succeeded, Is.True, string.Join("; ", created.Errors.Select(e => e.Description)));
            Assert.That((await users.AddToRoleAsync(user, role)).Succeeded, Is.True);
            return true;
        });
        Actor.SignIn(user, role);
        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";

        public string ApplicationName { get; set; } = "TrustFund.Application.Tests";

        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
