using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustFund.Benchmarks.Baselines;

/// <summary>
/// Counts the SQL commands EF Core runs inside a counting scope (one web request).
/// Commands outside a scope are not counted.
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private static readonly AsyncLocal<SqlStatementCount> Current = new();

    /// <summary>Starts counting for the current asynchronous flow; read the count from the returned object.</summary>
    public static SqlStatementCount BeginScope()
    {
        var count = new SqlStatementCount();
        Current.Value = count;
        return count;
    }

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        Current.Value?.Increment();
        return result;
    }
}
