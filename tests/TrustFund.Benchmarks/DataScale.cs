namespace TrustFund.Benchmarks;

/// <summary>
/// How many rows of each kind a benchmark data set holds (demo rows included). Each grant has four
/// instalments and two reports (one interim, one final); <see cref="Payments"/> are spread over the
/// signed grants.
/// </summary>
public sealed record DataScale(string Name, int Calls, int Organisations, int Users, int Applications, int AuditEntries, int ReviewedApplications, int Grants, int Payments)
{
    public static DataScale Large { get; } = new("large", 30, 3_000, 6_000, 60_000, 500_000, 2_000, 3_000, 10_000);

    public static DataScale Small { get; } = new("small", 3, 300, 600, 6_000, 50_000, 200, 300, 1_000);

    /// <summary>For the PDF documents (<c>--pdf</c>): few applications, 1,000 grants.</summary>
    public static DataScale Pdf { get; } = new("pdf", 3, 300, 600, 1_200, 5_000, 200, 1_000, 3_000);

    /// <summary>The grantee reports: an interim and a final one per grant.</summary>
    public int Reports => Grants * 2;

    public static DataScale Parse(string value) => value.ToLowerInvariant() switch
    {
        "large" => Large,
        "small" => Small,
        "pdf" => Pdf,
        _ => throw new ArgumentException($"Unknown scale '{value}': use small, large or pdf."),
    };
}
