namespace TrustFund.Benchmarks;

/// <summary>
/// One page the benchmark loads: a name, a path (placeholders such as <c>{application}</c> are filled
/// from the data set), the account it is read as (null: anonymous), and how many "next page" links to
/// follow from that path first (a deep page of a keyset-paged list is reached the way a user reaches it),
/// and the page it is compared with, if any (it then runs next to that page in every round).
/// </summary>
public sealed record BenchPage(string Name, string Path, string? Account, int FollowNext = 0, string? ComparedTo = null);
