using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TrustFund.Application.Tests.Organisations;

/// <summary>
/// Holds one flow back just before it starts its first transaction (after it has read what it decides
/// on, before it writes) until the test releases it: another request can then act in between.
/// </summary>
public sealed class TransactionGate : DbTransactionInterceptor
{
    private readonly AsyncLocal<bool> _gated = new();
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _held;

    /// <summary>Completes when the gated flow waits at the gate.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Gates the current flow.</summary>
    public void GateThisFlow() => _gated.Value = true;

    public void Release() => _released.TrySetResult();

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (_gated.Value && Interlocked.Exchange(ref _held, 1) == 0)
        {
            _reached.TrySetResult();
            await _released.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return result;
    }
}
