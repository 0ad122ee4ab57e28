namespace TrustFund.Benchmarks;

/// <summary>
/// One page the benchmark loads: a name, a path (placeholders such as <c>{application}</c> are filled
/// from the data set) and the account it is read as (null: anonymous).
/// </summary>
public sealed record BenchPage(string Name, string Path, string? Account);
