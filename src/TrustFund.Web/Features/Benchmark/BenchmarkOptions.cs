namespace TrustFund.Web.Features.Benchmark;

/// <summary>Benchmark mode: baseline endpoints and a SQL statement count per response. Off unless configured.</summary>
public sealed class BenchmarkOptions
{
    public const string Section = "Benchmark";

    public bool Enabled { get; set; }
}
