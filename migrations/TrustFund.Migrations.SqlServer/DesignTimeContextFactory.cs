using Microsoft.EntityFrameworkCore.Design;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the context for SqlServer without a running app or server.</summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<TrustFundDbContext>
{
    public TrustFundDbContext CreateDbContext(string[] args) =>
        new(DbContextOptionsFactory.Create(DatabaseProvider.SqlServer, "Server=localhost;Database=TrustFund;Trusted_Connection=True;TrustServerCertificate=True"));
}
