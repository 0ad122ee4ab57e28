namespace TrustFund.Application.Common;

/// <summary>Which page of an offset-paged list to show: a 1-based number (clamped) and a size.</summary>
public sealed record PageRequest
{
    /// <summary>Far enough for any real list; beyond it the number is clamped (a hostile ?page= cannot make the database skip billions of rows).</summary>
    public const int MaximumNumber = 100_000;

    public PageRequest(int number, int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        Number = Math.Clamp(number, 1, MaximumNumber);
        Size = size;
    }

    public int Number { get; }

    public int Size { get; }

    public int Skip => (Number - 1) * Size;
}
