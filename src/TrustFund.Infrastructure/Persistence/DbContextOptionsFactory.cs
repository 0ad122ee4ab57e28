using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Configures EF Core for a provider, with that provider's migrations assembly and the bank details' materializer.</summary>
public static class DbContextOptionsFactory
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = DatabaseProviders.MigrationsAssembly(provider);

        // Every context unprotects bank details as organisations are read (see ProtectedBankColumn).
        builder.AddInterceptors(BankDetailsMaterializer.Instance, CommitOutcomeInterceptor.Instance);
        return provider switch
        {
            DatabaseProvider.Sqlite => RowValueTranslation.AddTo(builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations))),
            DatabaseProvider.PostgreSql => RowValueTranslation.AddTo(builder.UseNpgsql(WithAutomaticPreparation(connectionString), o => o.MigrationsAssembly(migrations))),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
        };
    }

    /// <summary>
    /// PostgreSQL parses and plans every statement it is sent unless the statement is prepared. The app
    /// sends the same few statements over and over, so Npgsql prepares those used twice on a connection
    /// (up to 64 per connection) unless the connection string says otherwise.
    /// </summary>
    public static string WithAutomaticPreparation(string connectionString)
    {
        // The keys as written (DbConnectionStringBuilder keeps them; Npgsql's builder would map them to
        // its own names), without spaces: "Max Auto Prepare" and "MaxAutoPrepare" are the same setting.
        var keys = new DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (keys.Any(k => k.Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase) || k.Equals("AutoPrepareMinUsages", StringComparison.OrdinalIgnoreCase)))
        {
            return connectionString;
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ConnectionString;
    }

    /// <summary>Options for tools and tests that build a context outside the app's container.</summary>
    public static DbContextOptions<TrustFundDbContext> Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
