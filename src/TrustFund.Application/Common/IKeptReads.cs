namespace TrustFund.Application.Common;

/// <summary>
/// Reads kept in memory until a save changes one of the aggregates they were read from. A read names
/// the aggregate roots it depends on (a root stands for its whole aggregate: a grant for its instalments,
/// ledger and amendments too); any saved change to one of them through this instance shows at the next
/// read; a change made through another instance shows within the kept reads' lifetime. The value is
/// shared by every reader: it must never be changed once read, and must not depend on who reads it.
/// </summary>
public interface IKeptReads
{
    /// <summary>
    /// The value kept under <paramref name="key"/> for the current versions of <paramref name="readFrom"/>,
    /// else what <paramref name="read"/> returns, read on a context of its own and then kept.
    /// </summary>
    Task<T> GetAsync<T>(string key, IReadOnlyCollection<Type> readFrom, Func<ITrustFundDb, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        where T : class;
}
