using System.Data.Common;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using TrustFund.Application.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Outages of PostgreSQL and SQL Server: the connection could not be opened, broke, or the server is
/// shutting down or starting. Serialization failures and deadlocks are collisions, not outages
/// (<see cref="CollisionDetector"/>). An embedded SQLite file has no outages.
/// </summary>
internal sealed class DatabaseOutages : IDatabaseOutages
{
    /// <summary>
    /// SQL Server's errors for a connection that failed or broke, or a server (or Azure SQL database)
    /// that is starting, moving or busy: -2 timeout, 20, 64, 233, 10053, 10054, 10060 transport;
    /// 4060 database unavailable; 10928, 10929, 40197, 40501, 40613, 49918-49920 Azure SQL.
    /// </summary>
    private static readonly HashSet<int> SqlServerOutages = [-2, 20, 64, 233, 4060, 10053, 10054, 10060, 10928, 10929, 40197, 40501, 40613, 49918, 49919, 49920];

    public bool Recognise(Exception exception)
    {
        var outage = Find(exception);
        if (outage is NpgsqlException)
        {
            // Connections idle in the pool died with the server; without this each would fail once more.
            NpgsqlConnection.ClearAllPools();
        }

        return outage is not null;
    }

    /// <summary>The outage among <paramref name="exception"/> and the exceptions it wraps, if any.</summary>
    internal static Exception? Find(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    // Class 08: connection exceptions; 57P01-57P03: the server shuts down or starts; 53300: too many connections.
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || postgres.SqlState is PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.TooManyConnections
                        ? e
                        : null;
                case NpgsqlException:
                    // Not an error the server answered with: the socket failed or timed out.
                    return e;
                case SqlException sql when SqlServerOutages.Contains(sql.Number):
                    return e;
                case CommitOutcomeUnknownException:
                    return null;
            }
        }

        return null;
    }
}

/// <summary>
/// Turns an outage during COMMIT into <see cref="CommitOutcomeUnknownException"/>: the transaction may
/// have been committed before the connection broke, so the use case is refused, never run again.
/// </summary>
internal sealed class CommitOutcomeInterceptor : DbTransactionInterceptor
{
    public static readonly CommitOutcomeInterceptor Instance = new();

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        ThrowIfCommitOutcomeUnknown(eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ThrowIfCommitOutcomeUnknown(eventData);
        return Task.CompletedTask;
    }

    private static void ThrowIfCommitOutcomeUnknown(TransactionErrorEventData eventData)
    {
        if (eventData.Action == "Commit" && DatabaseOutages.Find(eventData.Exception) is not null)
        {
            throw new CommitOutcomeUnknownException(
                "The connection to the database was lost during a commit; whether the transaction was committed is unknown.",
                eventData.Exception);
        }
    }
}
