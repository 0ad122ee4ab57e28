namespace TrustFund.Application.Common;

/// <summary>One page of an offset-paged list, with the total and the page count.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Number, int Size, int Total)
{
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < PageCount;
}
