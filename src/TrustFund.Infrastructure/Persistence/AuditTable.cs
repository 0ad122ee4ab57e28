using Microsoft.EntityFrameworkCore.Migrations;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// The audit table and the triggers that make it append-only on every engine. Migrations of each
/// provider call <see cref="CreateAppendOnlyTriggers"/>, so the rule lives in the database itself.
/// </summary>
public static class AuditTable
{
    public const string Name = "AuditEntries";

    public const string AppendOnlyMessage = "Audit entries are append-only";

    public static void CreateAppendOnlyTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in CreateStatements(migrationBuilder.ActiveProvider))
        {
            migrationBuilder.Sql(statement);
        }
    }

    public static void DropAppendOnlyTriggers(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        foreach (var statement in DropStatements(migrationBuilder.ActiveProvider))
        {
            migrationBuilder.Sql(statement);
        }
    }

    /// <summary>SQL that creates the triggers for the named EF Core provider.</summary>
    public static IReadOnlyList<string> CreateStatements(string? provider) => DatabaseProviders.FromEfProviderName(provider) switch
    {
        DatabaseProvider.Sqlite =>
        [
            $"CREATE TRIGGER \"{Name}_no_update\" BEFORE UPDATE ON \"{Name}\" BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
            $"CREATE TRIGGER \"{Name}_no_delete\" BEFORE DELETE ON \"{Name}\" BEGIN SELECT RAISE(ABORT, '{AppendOnlyMessage}'); END;",
        ],
        DatabaseProvider.PostgreSql =>
        [
            $"CREATE FUNCTION \"{Name}_append_only\"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{AppendOnlyMessage}'; END; $$;",
            $"CREATE TRIGGER \"{Name}_no_update_delete\" BEFORE UPDATE OR DELETE ON \"{Name}\" FOR EACH ROW EXECUTE FUNCTION \"{Name}_append_only\"();",
            $"CREATE TRIGGER \"{Name}_no_truncate\" BEFORE TRUNCATE ON \"{Name}\" FOR EACH STATEMENT EXECUTE FUNCTION \"{Name}_append_only\"();",
        ],
        DatabaseProvider.SqlServer =>
        [
            $"CREATE TRIGGER [{Name}_append_only] ON [{Name}] INSTEAD OF UPDATE, DELETE AS BEGIN SET NOCOUNT ON; THROW 50001, '{AppendOnlyMessage}', 1; END;",
        ],
    };

    /// <summary>SQL that removes the triggers (used by migrations going down).</summary>
    public static IReadOnlyList<string> DropStatements(string? provider) => DatabaseProviders.FromEfProviderName(provider) switch
    {
        DatabaseProvider.Sqlite =>
        [
            $"DROP TRIGGER IF EXISTS \"{Name}_no_update\";",
            $"DROP TRIGGER IF EXISTS \"{Name}_no_delete\";",
        ],
        DatabaseProvider.PostgreSql =>
        [
            $"DROP TRIGGER IF EXISTS \"{Name}_no_update_delete\" ON \"{Name}\";",
            $"DROP TRIGGER IF EXISTS \"{Name}_no_truncate\" ON \"{Name}\";",
            $"DROP FUNCTION IF EXISTS \"{Name}_append_only\"();",
        ],
        DatabaseProvider.SqlServer =>
        [
            $"DROP TRIGGER IF EXISTS [{Name}_append_only];",
        ],
    };
}
