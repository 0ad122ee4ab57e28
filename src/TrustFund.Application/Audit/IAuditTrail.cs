namespace TrustFund.Application.Audit;

/// <summary>
/// Records what happened. Entries join the current unit of work and are written, chained,
/// in the same transaction as the change they describe.
/// </summary>
public interface IAuditTrail
{
    /// <summary>Adds an entry to be written with the next save.</summary>
    void Record(string action, string summary, string? entityType = null, string? entityId = null);

    /// <summary>Adds an entry and saves it at once, for events that change nothing else (a failed sign-in, a denial).</summary>
    Task RecordNowAsync(string action, string summary, string? entityType = null, string? entityId = null, CancellationToken cancellationToken = default);
}
