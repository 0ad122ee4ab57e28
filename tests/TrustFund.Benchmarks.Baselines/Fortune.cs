namespace TrustFund.Benchmarks.Baselines;

/// <summary>A row of the TechEmpower-style Fortunes baseline.</summary>
public sealed class Fortune
{
    public Fortune(int id, string message)
    {
        Id = id;
        Message = message;
    }

    public int Id { get; private set; }

    public string Message { get; private set; }
}
