using Microsoft.EntityFrameworkCore.Design;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the context for Sqlite without a running app or server.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
