namespace TrustFund.Benchmarks.Baselines;

/// <summary>The number of SQL commands run in one counting scope; safe with parallel queries.</summary>
public sealed class SqlStatementCount
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    internal void Increment() => Interlocked.Increment(ref _value);
}
