using Microsoft.EntityFrameworkCore.Design;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Migrations.PostgreSql;

/// <summary>Lets `dotnet ef` build the context for PostgreSql without a running app or server.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.PostgreSql, "Host=localhost;Database=trustfund;Username=trustfund"));
}
