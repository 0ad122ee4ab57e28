namespace TrustFund.Infrastructure.Persistence;

/// <summary>Settings under <c>Database</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Sqlite (default), PostgreSql or SqlServer.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>Apply pending migrations when the app starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
