namespace TrustFund.Benchmarks;

/// <summary>
/// Medians of a page's rounds, as written to bench-results.json; latencies and ratios are null when no
/// request completed. For a page compared with another, the median of the rounds' ratios of the two
/// pages' requests/s (each round runs them back to back).
/// </summary>
public sealed record PageResult(
    string Name,
    double Rps,
    double? P50Ms,
    double? P95Ms,
    double? P99Ms,
    long Errors,
    double? RatioToJson,
    double? RatioToFortunes,
    int? SqlPerRequest,
    double MemoryMb,
    string? ComparedTo = null,
    double? RatioToComparedPage = null);
