using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Hosting;

var (maintenance, hostArguments) = MaintenanceCommand.Parse(args);
var builder = WebApplication.CreateBuilder(hostArguments);
builder.Services.AddTrustFundWeb(builder.Configuration, builder.Environment);

var app = builder.Build();
if (maintenance is not null)
{
    return await maintenance.RunAsync(app.Services, Console.Out);
}

app.UseTrustFundPipeline();

var databaseOptions = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
if (databaseOptions.MigrateOnStartup)
{
    var startupLogger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("TrustFund.Startup");
    if (await DatabaseStartup.MigrateAsync(app.Services, startupLogger) && app.Environment.IsDevelopment())
    {
        await DemoData.SeedAsync(app.Services);
        await DemoData.SeedApplicationsAsync(app.Services);
        await DemoData.SeedReviewsAsync(app.Services);
        await DemoData.SeedGrantsAsync(app.Services);
    }
}

await app.RunAsync();
return 0;

/// <summary>Entry point, visible to the web tests' application factory.</summary>
public partial class Program;
