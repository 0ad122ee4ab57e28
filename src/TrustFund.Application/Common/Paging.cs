using Microsoft.EntityFrameworkCore;

namespace TrustFund.Application.Common;

/// <summary>
/// The one way offset-paged lists are read: the total, then the requested page (a number past the
/// last page shows the last page). The keyset-paged applications list is separate: it must cost the
/// same on page 100 as on page 1.
/// </summary>
public static class Paging
{
    /// <summary>Reads one page of <paramref name="query"/> (which must be ordered) from the database.</summary>
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest request, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var number = Math.Min(request.Number, Math.Max(1, (total + request.Size - 1) / request.Size));
        var items = total == 0 ? [] : await query.Skip((number - 1) * request.Size).Take(request.Size).ToListAsync(cancellationToken);
        return new Page<T>(items, number, request.Size, total);
    }

    /// <summary>One page of a list already in memory (one that must be filtered or sorted in .NET, such as names in every script).</summary>
    public static Page<T> ToPage<T>(this IReadOnlyCollection<T> items, PageRequest request)
    {
        var number = Math.Min(request.Number, Math.Max(1, (items.Count + request.Size - 1) / request.Size));
        return new Page<T>([.. items.Skip((number - 1) * request.Size).Take(request.Size)], number, request.Size, items.Count);
    }
}
