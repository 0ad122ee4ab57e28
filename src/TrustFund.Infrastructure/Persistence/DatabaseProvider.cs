namespace TrustFund.Infrastructure.Persistence;

/// <summary>The database engines TrustFund runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
