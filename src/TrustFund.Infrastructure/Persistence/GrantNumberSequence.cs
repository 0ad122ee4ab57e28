namespace TrustFund.Infrastructure.Persistence;

/// <summary>How many grant numbers a call year has given out; one row per year, made with its first grant.</summary>
internal sealed class GrantNumberSequence
{
    public GrantNumberSequence(int year, int issued)
    {
        Year = year;
        Issued = issued;
    }

    public int Year { get; private set; }

    public int Issued { get; private set; }
}
