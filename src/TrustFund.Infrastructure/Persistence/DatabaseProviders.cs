namespace TrustFund.Infrastructure.Persistence;

/// <summary>Parses provider names from configuration and from EF Core.</summary>
public static class DatabaseProviders
{
    public static string ValidNames => string.Join(", ", Enum.GetNames<DatabaseProvider>());

    /// <summary>Reads <c>Database:Provider</c>; an unknown name stops start-up with the list of valid ones.</summary>
    public static DatabaseProvider Parse(string? configured)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(configured.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"Unknown database provider '{configured}' in setting Database:Provider. Valid providers: {ValidNames}.");
    }

    /// <summary>Maps EF Core's provider assembly name (as in <c>MigrationBuilder.ActiveProvider</c>) to ours.</summary>
    public static DatabaseProvider FromEfProviderName(string? efProvider) => efProvider switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        _ => throw new InvalidOperationException($"Unsupported EF Core provider '{efProvider}'."),
    };

    /// <summary>The assembly holding the migrations of a provider.</summary>
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "TrustFund.Migrations.Sqlite",
        DatabaseProvider.PostgreSql => "TrustFund.Migrations.PostgreSql",
        DatabaseProvider.SqlServer => "TrustFund.Migrations.SqlServer",
    };
}
