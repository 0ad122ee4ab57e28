namespace TrustFund.Infrastructure.Benchmarks;

/// <summary>A row of the TechEmpower-style Fortunes baseline; read only in benchmark mode.</summary>
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
