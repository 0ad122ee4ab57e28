namespace TrustFund.Domain.Reports;

/// <summary>How a count of a protected table is published.</summary>
public enum CellDisclosure
{
    /// <summary>The count itself.</summary>
    Shown,

    /// <summary>A count from 1 to 4, published as "&lt;5" (primary suppression).</summary>
    Small,

    /// <summary>
    /// A count withheld so that a small one cannot be worked out from the totals or from the other
    /// counts of its row or column (secondary suppression).
    /// </summary>
    Withheld,
}

/// <summary>One count of a protected table and how it is published.</summary>
public sealed record ProtectedCount(int Value, CellDisclosure Disclosure)
{
    /// <summary>Whether the count is published as itself.</summary>
    public bool IsShown => Disclosure == CellDisclosure.Shown;
}

/// <summary>
/// A table of counts with its row totals, column totals and grand total, each published as itself,
/// as "&lt;5" or withheld (see <see cref="SmallCells"/>).
/// </summary>
public sealed class ProtectedTable
{
    private readonly ProtectedCount[,] _entries;

    internal ProtectedTable(ProtectedCount[,] entries)
    {
        _entries = entries;
    }

    public int Rows => _entries.GetLength(0) - 1;

    public int Columns => _entries.GetLength(1) - 1;

    public ProtectedCount Cell(int row, int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return _entries[row, column];
    }

    public ProtectedCount RowTotal(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, Rows);
        return _entries[row, Columns];
    }

    public ProtectedCount ColumnTotal(int column)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(column, Columns);
        return _entries[Rows, column];
    }

    public ProtectedCount GrandTotal => _entries[Rows, Columns];

    /// <summary>
    /// The table with its totals as one grid of (rows + 1) x (columns + 1): the last column holds the
    /// row totals, the last row the column totals, the corner the grand total.
    /// </summary>
    public ProtectedCount Entry(int row, int column) => _entries[row, column];
}

/// <summary>
/// The small-cell rule of every published count of victims. A count from 1 to 4 is published as
/// "&lt;5" (primary suppression), zero and counts of 5 or more as themselves. Then more counts are
/// withheld (secondary suppression) until no suppressed count can be worked out exactly: not by
/// subtracting the shown counts of its row or column from their total, nor by combining rows and
/// columns with the knowledge that each "&lt;5" is between 1 and 4. A reader who knows the rule
/// computes, for every entry, the range the published table allows (by tightening the bounds each
/// row and column puts on it until nothing changes); while some suppressed entry's range is a
/// single value, one more count of one of its rows or columns is withheld: the smallest non-zero
/// cell first, a total only when no cell is left, so that totals stay published where they can.
/// </summary>
public static class SmallCells
{
    /// <summary>The smallest count published as itself (besides zero).</summary>
    public const int Threshold = 5;

    /// <summary>How a suppressed small count reads.</summary>
    public const string SmallText = "<5";

    private const long Unbounded = long.MaxValue / 4;

    /// <summary>Whether <paramref name="count"/> alone must be suppressed (1 to 4).</summary>
    public static bool IsSmall(int count) => count is > 0 and < Threshold;

    /// <summary>Protects a table of counts (rows by columns, none negative), its totals computed here.</summary>
    public static ProtectedTable Protect(int[,] counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        int rows = counts.GetLength(0), columns = counts.GetLength(1);
        var values = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var count = counts[r, c];
                ArgumentOutOfRangeException.ThrowIfNegative(count);
                values[r, c] = count;
                values[r, columns] = checked(values[r, columns] + count);
                values[rows, c] = checked(values[rows, c] + count);
                values[rows, columns] = checked(values[rows, columns] + count);
            }
        }

        var disclosure = new CellDisclosure[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                disclosure[r, c] = IsSmall(values[r, c]) ? CellDisclosure.Small : CellDisclosure.Shown;
            }
        }

        while (Disclosed(values, disclosure).Any(disclosed => Withhold(values, disclosure, disclosed)))
        {
        }

        var entries = new ProtectedCount[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                entries[r, c] = new ProtectedCount(values[r, c], disclosure[r, c]);
            }
        }

        return new ProtectedTable(entries);
    }

    /// <summary>The suppressed entries whose value the published table gives away.</summary>
    private static List<(int Row, int Column)> Disclosed(int[,] values, CellDisclosure[,] disclosure)
    {
        int height = values.GetLength(0), width = values.GetLength(1);
        var low = new long[height, width];
        var high = new long[height, width];
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                (low[r, c], high[r, c]) = disclosure[r, c] switch
                {
                    CellDisclosure.Shown => (values[r, c], values[r, c]),
                    CellDisclosure.Small => (1L, Threshold - 1L),
                    _ => (0L, Unbounded),
                };
            }
        }

        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < height; r++)
            {
                changed |= Tighten(low, high, [.. Enumerable.Range(0, width).Select(c => (r, c))]);
            }

            for (var c = 0; c < width; c++)
            {
                changed |= Tighten(low, high, [.. Enumerable.Range(0, height).Select(r => (r, c))]);
            }
        }
        while (changed);

        var disclosed = new List<(int Row, int Column)>();
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                if (disclosure[r, c] != CellDisclosure.Shown && low[r, c] == high[r, c])
                {
                    disclosed.Add((r, c));
                }
            }
        }

        return disclosed;
    }

    /// <summary>
    /// Narrows the bounds of one line (a row or a column; its last entry is the total of the others)
    /// from the bounds of the rest of the line. Returns whether any bound moved.
    /// </summary>
    private static bool Tighten(long[,] low, long[,] high, (int Row, int Column)[] line)
    {
        var changed = false;
        var total = line[^1];
        var parts = line[..^1];
        long sumLow = 0, sumHigh = 0;
        foreach (var (r, c) in parts)
        {
            sumLow += low[r, c];
            sumHigh = Math.Min(Unbounded, sumHigh + high[r, c]);
        }

        changed |= Narrow(low, high, total, sumLow, sumHigh);
        foreach (var (r, c) in parts)
        {
            var othersLow = sumLow - low[r, c];
            var othersHigh = sumHigh >= Unbounded ? Unbounded : sumHigh - high[r, c];
            var fromLow = high[total.Row, total.Column] >= Unbounded ? Unbounded : high[total.Row, total.Column] - othersLow;
            var fromHigh = othersHigh >= Unbounded ? 0 : low[total.Row, total.Column] - othersHigh;
            changed |= Narrow(low, high, (r, c), fromHigh, fromLow);
        }

        return changed;
    }

    private static bool Narrow(long[,] low, long[,] high, (int Row, int Column) at, long atLeast, long atMost)
    {
        var changed = false;
        if (atLeast > low[at.Row, at.Column])
        {
            low[at.Row, at.Column] = atLeast;
            changed = true;
        }

        if (atMost < high[at.Row, at.Column])
        {
            high[at.Row, at.Column] = atMost;
            changed = true;
        }

        return changed;
    }

    /// <summary>Withholds one more shown entry of a line through <paramref name="disclosed"/>; false when every entry of both lines is already suppressed.</summary>
    private static bool Withhold(int[,] values, CellDisclosure[,] disclosure, (int Row, int Column) disclosed)
    {
        int height = values.GetLength(0), width = values.GetLength(1);
        var candidates = Enumerable.Range(0, width).Select(c => (Row: disclosed.Row, Column: c))
            .Concat(Enumerable.Range(0, height).Select(r => (Row: r, Column: disclosed.Column)))
            .Where(e => disclosure[e.Row, e.Column] == CellDisclosure.Shown)
            .OrderBy(e => e.Row == height - 1 || e.Column == width - 1 ? 1 : 0)
            .ThenBy(e => values[e.Row, e.Column] == 0 ? 1 : 0)
            .ThenBy(e => values[e.Row, e.Column])
            .ThenBy(e => e.Row)
            .ThenBy(e => e.Column)
            .ToList();
        if (candidates.Count == 0)
        {
            return false;
        }

        var (row, column) = candidates[0];
        disclosure[row, column] = CellDisclosure.Withheld;
        return true;
    }
}
