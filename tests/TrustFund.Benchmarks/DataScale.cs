namespace TrustFund.Benchmarks;

/// <summary>How many rows of each kind a benchmark data set holds (demo rows included).</summary>
public sealed record DataScale(string Name, int Calls, int Organisations, int Users, int Applications, int AuditEntries, int ReviewedApplications)
{
    public static DataScale Large { get; } = new("large", 30, 3_000, 6_000, 60_000, 500_000, 2_000);

    public static DataScale Small { get; } = new("small", 3, 300, 600, 6_000, 50_000, 200);

    public static DataScale Parse(string value) => value.ToLowerInvariant() switch
    {
        "large" => Large,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown scale '{value}': use small or large."),
    };
}
