using Npgsql;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>On PostgreSQL the app prepares the statements it repeats, unless the connection string decides.</summary>
public sealed class AutomaticPreparationTests
{
    [Test]
    public void ConnectionStringWithoutAChoice_PreparesStatementsUsedTwice()
    {
        var configured = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.WithAutomaticPreparation("Host=db.example;Database=trustfund;Username=app;Password=secret"));

        Assert.That(configured.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(configured.AutoPrepareMinUsages, Is.EqualTo(2));
        Assert.That(configured.Host, Is.EqualTo("db.example"));
        Assert.That(configured.Password, Is.EqualTo("secret"));
    }

    [TestCase("Host=db.example;Max Auto Prepare=0")]
    [TestCase("Host=db.example;MaxAutoPrepare=5")]
    [TestCase("Host=db.example;auto prepare min usages=3")]
    public void ConnectionStringWithAChoice_IsKept(string connectionString) =>
        Assert.That(DbContextOptionsFactory.WithAutomaticPreparation(connectionString), Is.EqualTo(connectionString));

    [Test]
    public void ConnectionStringWithTheWordsInAValue_StillPrepares()
    {
        var configured = new NpgsqlConnectionStringBuilder(DbContextOptionsFactory.WithAutomaticPreparation("Host=db.example;Username=app;Password='AutoPrepare;Max Auto Prepare=0'"));

        Assert.That(configured.MaxAutoPrepare, Is.EqualTo(64));
        Assert.That(configured.Password, Is.EqualTo("AutoPrepare;Max Auto Prepare=0"));
    }
}
