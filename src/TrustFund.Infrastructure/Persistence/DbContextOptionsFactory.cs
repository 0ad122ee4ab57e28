using Microsoft.EntityFrameworkCore;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Configures EF Core for a provider, with that provider's migrations assembly.</summary>
public static class DbContextOptionsFactory
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        var migrations = DatabaseProviders.MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString, o => o.MigrationsAssembly(migrations)),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString, o => o.MigrationsAssembly(migrations)),
        };
    }

    /// <summary>Options for tools and tests that build a context outside the app's container.</summary>
    public static DbContextOptions<TrustFundDbContext> Create(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<TrustFundDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
