using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using TrustFund.Application.Common;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Domain.Applications;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Tests.Benchmark;

/// <summary>The benchmark's baselines live only in their own assembly: nothing of them ships in the app or its database schema.</summary>
public sealed class ProductionAssembliesTests
{
    private static readonly Assembly[] Production =
    [
        typeof(Program).Assembly,
        typeof(TrustFundDbContext).Assembly,
        typeof(ICurrentActor).Assembly,
        typeof(ApplicationStatus).Assembly,
    ];

    [Test]
    public void GetTypes_ProductionAssemblies_HaveNoBaselineTypeAndDoNotReferenceTheBaselines()
    {
        var baselines = typeof(BenchmarkBaselines).Assembly;
        var baselineNames = baselines.GetExportedTypes().Select(t => t.Name).Append("StartupHook").ToHashSet(StringComparer.Ordinal);
        var productionTypes = Production.SelectMany(a => a.GetTypes()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(baselineNames, Is.SupersetOf(new[] { "Fortune", "BenchmarkController", "SqlStatementCounter" }));
            Assert.That(productionTypes, Is.Not.Empty);
            Assert.That(productionTypes.Where(t => baselineNames.Contains(t.Name)).Select(t => t.FullName), Is.Empty);
            Assert.That(productionTypes.Where(t => t.Namespace?.Contains("Benchmark", StringComparison.Ordinal) == true).Select(t => t.FullName), Is.Empty);
            Assert.That(Production.SelectMany(a => a.GetReferencedAssemblies()).Select(n => n.Name), Has.None.EqualTo(baselines.GetName().Name));
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    [TestCase(DatabaseProvider.SqlServer)]
    public void Model_EveryProvider_HasNoFortunesTableInTheModelSnapshotOrMigrations(DatabaseProvider provider)
    {
        using var db = new TrustFundDbContext(DbContextOptionsFactory.Create(provider, OfflineConnectionString(provider)));
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;

        var script = db.GetService<IMigrator>().GenerateScript();

        Assert.Multiple(() =>
        {
            Assert.That(db.Model.GetEntityTypes().Select(e => e.GetTableName()), Has.Some.EqualTo("Applications").And.None.EqualTo(FortunesDbContext.Table));
            Assert.That(snapshot?.GetEntityTypes().Select(e => e.GetTableName()), Has.Some.EqualTo("Applications").And.None.EqualTo(FortunesDbContext.Table));
            Assert.That(db.Database.GetMigrations(), Is.Not.Empty.And.None.Contains("Fortune"));
            Assert.That(script, Does.Contain("Applications").And.Not.Contain(FortunesDbContext.Table));
        });
    }

    private static string OfflineConnectionString(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "Data Source=offline.db",
        DatabaseProvider.PostgreSql => "Host=localhost;Database=trustfund;Username=trustfund",
        DatabaseProvider.SqlServer => "Server=localhost;Database=TrustFund;Trusted_Connection=True;TrustServerCertificate=True",
    };
}
