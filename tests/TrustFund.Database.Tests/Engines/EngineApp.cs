using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests.Engines;

/// <summary>The whole web app configured for one engine, migrating its database at start-up as in production.</summary>
public sealed class EngineApp : WebApplicationFactory<Program>
{
    private readonly DatabaseProvider _provider;
    private readonly string _connectionString;
    private readonly TimeProvider _clock;
    private readonly Action<IServiceCollection>? _configureServices;
    private readonly string _pickupFolder = Path.Combine(Path.GetTempPath(), $"trustfund-db-mail-{Guid.NewGuid():N}");

    /// <param name="configureServices">Replaces or adds services after the app's own (a test's actors or interceptors).</param>
    public EngineApp(DatabaseProvider provider, string connectionString, TimeProvider clock, Action<IServiceCollection>? configureServices = null)
    {
        _provider = provider;
        _connectionString = connectionString;
        _clock = clock;
        _configureServices = configureServices;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", _provider.ToString());
        builder.UseSetting("ConnectionStrings:TrustFund", _connectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Email:DispatcherEnabled", "false");
        builder.UseSetting("Email:PickupFolder", _pickupFolder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(_clock);
            _configureServices?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_pickupFolder))
        {
            Directory.Delete(_pickupFolder, recursive: true);
        }
    }
}
