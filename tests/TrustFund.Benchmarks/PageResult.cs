namespace TrustFund.Benchmarks;

/// <summary>Medians of a page's rounds, as written to bench-results.json; latencies and ratios are null when no request completed.</summary>
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
    double MemoryMb);
