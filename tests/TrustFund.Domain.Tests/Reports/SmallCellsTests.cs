using TrustFund.Domain.Reports;

namespace TrustFund.Domain.Tests.Reports;

/// <summary>
/// The small-cell rule, checked against a reader who knows it: from the published table alone (shown
/// counts, "&lt;5" meaning 1 to 4, withheld counts between 0 and the true grand total), an exhaustive search
/// lists every table consistent with what is published; no suppressed count may have only one possible value.
/// </summary>
public sealed class SmallCellsTests
{
    [Test]
    public void Protect_NoSmallCounts_ShowsEverythingWithTotals()
    {
        var table = SmallCells.Protect(new[,] { { 10, 0 }, { 7, 25 } });

        Assert.Multiple(() =>
        {
            Assert.That(table.Cell(0, 0), Is.EqualTo(new ProtectedCount(10, CellDisclosure.Shown)));
            Assert.That(table.Cell(0, 1), Is.EqualTo(new ProtectedCount(0, CellDisclosure.Shown)), "zero is not small");
            Assert.That(table.RowTotal(1), Is.EqualTo(new ProtectedCount(32, CellDisclosure.Shown)));
            Assert.That(table.ColumnTotal(0), Is.EqualTo(new ProtectedCount(17, CellDisclosure.Shown)));
            Assert.That(table.GrandTotal, Is.EqualTo(new ProtectedCount(42, CellDisclosure.Shown)));
        });
    }

    [Test]
    public void Protect_OneSmallCell_WithholdsAnotherInItsRowAndColumn()
    {
        var counts = new[,] { { 3, 10, 12 }, { 8, 9, 11 }, { 7, 20, 6 } };

        var table = SmallCells.Protect(counts);

        Assert.Multiple(() =>
        {
            Assert.That(table.Cell(0, 0).Disclosure, Is.EqualTo(CellDisclosure.Small));
            Assert.That(Enumerable.Range(1, 3).Count(c => !table.Entry(0, c).IsShown), Is.GreaterThanOrEqualTo(1), "row 1: 3 = total - 10 - 12 otherwise");
            Assert.That(Enumerable.Range(1, 3).Count(r => !table.Entry(r, 0).IsShown), Is.GreaterThanOrEqualTo(1), "column 1: 3 = total - 8 - 7 otherwise");
        });
        AssertNothingRecoverable(counts, table);
    }

    [Test]
    public void Protect_SmallRowTotal_IsSuppressedAndNotRecoverable()
    {
        var counts = new[,] { { 1, 1, 0 }, { 6, 9, 12 }, { 7, 8, 30 } };

        var table = SmallCells.Protect(counts);

        Assert.That(table.RowTotal(0).Disclosure, Is.Not.EqualTo(CellDisclosure.Shown));
        AssertNothingRecoverable(counts, table);
    }

    [Test]
    public void Protect_TwoSmallCellsWhoseSumGivesThemAway_WithholdsMore()
    {
        // Shown totals would say 1 + 1 = 2: two "<5" cells that must both be 1.
        var counts = new[,] { { 1, 1, 10 }, { 20, 30, 40 } };

        var table = SmallCells.Protect(counts);

        AssertNothingRecoverable(counts, table);
    }

    [Test]
    public void Protect_SingleColumn_SmallCellHidesAnotherRow()
    {
        var counts = new[,] { { 2 }, { 15 }, { 30 } };

        var table = SmallCells.Protect(counts);

        Assert.Multiple(() =>
        {
            Assert.That(table.Cell(0, 0).Disclosure, Is.EqualTo(CellDisclosure.Small));
            Assert.That(table.Cell(1, 0).Disclosure, Is.EqualTo(CellDisclosure.Withheld), "the smallest other count");
        });
        AssertNothingRecoverable(counts, table);
    }

    [Test]
    public void Protect_EmptyTable_HasAZeroGrandTotal()
    {
        var table = SmallCells.Protect(new int[0, 3]);

        Assert.That(table.GrandTotal, Is.EqualTo(new ProtectedCount(0, CellDisclosure.Shown)));
    }

    [Test]
    public void Protect_NegativeCount_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SmallCells.Protect(new[,] { { -1 } }));
    }

    [Test]
    public void Protect_LargeTable_IsFastAndHidesEverySmallCount()
    {
        var random = new Random(7);
        var counts = new int[60, 4];
        for (var r = 0; r < 60; r++)
        {
            for (var c = 0; c < 4; c++)
            {
                counts[r, c] = random.Next(0, 3) == 0 ? random.Next(0, 5) : random.Next(0, 400);
            }
        }

        var started = System.Diagnostics.Stopwatch.StartNew();
        var table = SmallCells.Protect(counts);

        Assert.That(started.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
        for (var r = 0; r <= 60; r++)
        {
            for (var c = 0; c <= 4; c++)
            {
                Assert.That(SmallCells.IsSmall(table.Entry(r, c).Value) && table.Entry(r, c).IsShown, Is.False, $"({r}, {c})");
            }
        }
    }

    [TestCaseSource(nameof(RandomTables))]
    public void Protect_RandomTable_NoSuppressedCountCanBeRecovered(int seed, int rows, int columns)
    {
        var random = new Random(seed);
        var counts = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                counts[r, c] = random.Next(0, 2) == 0 ? random.Next(0, 5) : random.Next(5, 10);
            }
        }

        var table = SmallCells.Protect(counts);

        AssertNothingRecoverable(counts, table);
    }

    private static IEnumerable<TestCaseData> RandomTables()
    {
        for (var seed = 1; seed <= 120; seed++)
        {
            yield return new TestCaseData(seed, 1 + (seed % 3), 1 + (seed / 3 % 3)).SetArgDisplayNames($"seed {seed}");
        }
    }

    /// <summary>
    /// Every published small count is "&lt;5" or withheld, and every suppressed entry has at least two
    /// values in the tables consistent with what is published.
    /// </summary>
    private static void AssertNothingRecoverable(int[,] counts, ProtectedTable table)
    {
        int height = table.Rows + 1, width = table.Columns + 1;
        var bound = table.GrandTotal.Value;
        var known = new long?[height, width];
        var suppressed = new List<(int Row, int Column)>();
        for (var r = 0; r < height; r++)
        {
            for (var c = 0; c < width; c++)
            {
                var entry = table.Entry(r, c);
                if (r < table.Rows && c < table.Columns)
                {
                    Assert.That(entry.Value, Is.EqualTo(counts[r, c]));
                }

                if (SmallCells.IsSmall(entry.Value))
                {
                    Assert.That(entry.Disclosure, Is.EqualTo(CellDisclosure.Small), $"({r}, {c}) = {entry.Value}");
                }

                if (entry.IsShown)
                {
                    known[r, c] = entry.Value;
                }
                else
                {
                    suppressed.Add((r, c));
                }
            }
        }

        var seen = suppressed.ToDictionary(e => e, _ => new HashSet<long>());
        var search = new Reader(table, known, bound, seen);
        search.Solve();
        foreach (var (entry, values) in seen)
        {
            Assert.That(values, Has.Count.GreaterThanOrEqualTo(2), $"entry ({entry.Row}, {entry.Column}) of {Describe(table)} can only be {string.Join(", ", values)}");
        }
    }

    private static string Describe(ProtectedTable table)
    {
        var rows = new List<string>();
        for (var r = 0; r <= table.Rows; r++)
        {
            rows.Add(string.Join(" ", Enumerable.Range(0, table.Columns + 1).Select(c => table.Entry(r, c) is var e && e.IsShown ? $"{e.Value}" : $"[{e.Value}{(e.Disclosure == CellDisclosure.Small ? "<5" : "w")}]")));
        }

        return string.Join(" / ", rows);
    }

    /// <summary>An exhaustive search of the tables consistent with a published one (each line's last entry is the sum of the others).</summary>
    private sealed class Reader(ProtectedTable table, long?[,] values, long bound, Dictionary<(int Row, int Column), HashSet<long>> seen)
    {
        private readonly int _height = table.Rows + 1;
        private readonly int _width = table.Columns + 1;

        public void Solve()
        {
            if (seen.Values.All(v => v.Count >= 2))
            {
                return;
            }

            var set = new List<(int Row, int Column)>();
            if (Propagate(set))
            {
                (int Row, int Column) open = seen.Keys.FirstOrDefault(e => values[e.Item1, e.Item2] is null, (-1, -1));
                if (open.Row < 0)
                {
                    foreach (var (entry, found) in seen)
                    {
                        found.Add(values[entry.Row, entry.Column]!.Value);
                    }
                }
                else
                {
                    var (low, high) = Domain(open);
                    for (var v = low; v <= high && !seen.Values.All(s => s.Count >= 2); v++)
                    {
                        values[open.Row, open.Column] = v;
                        Solve();
                        values[open.Row, open.Column] = null;
                    }
                }
            }

            foreach (var (r, c) in set)
            {
                values[r, c] = null;
            }
        }

        private (long Low, long High) Domain((int Row, int Column) entry) =>
            table.Entry(entry.Row, entry.Column).Disclosure == CellDisclosure.Small ? (1, SmallCells.Threshold - 1) : (0, bound);

        private bool Propagate(List<(int Row, int Column)> set)
        {
            bool progress;
            do
            {
                progress = false;
                foreach (var line in Lines())
                {
                    var open = line.Where(e => values[e.Row, e.Column] is null).ToList();
                    long parts = line[..^1].Where(e => values[e.Row, e.Column] is not null).Sum(e => values[e.Row, e.Column]!.Value);
                    var total = values[line[^1].Row, line[^1].Column];
                    if (open.Count == 0)
                    {
                        if (parts != total)
                        {
                            return false;
                        }
                    }
                    else if (open.Count == 1)
                    {
                        var entry = open[0];
                        var value = entry == line[^1] ? parts : total!.Value - parts;
                        var (low, high) = Domain(entry);
                        if (value < low || value > high)
                        {
                            return false;
                        }

                        values[entry.Row, entry.Column] = value;
                        set.Add(entry);
                        progress = true;
                    }
                    else if (total is { } known && parts > known)
                    {
                        return false;
                    }
                }
            }
            while (progress);

            return true;
        }

        private IEnumerable<(int Row, int Column)[]> Lines()
        {
            for (var r = 0; r < _height; r++)
            {
                var row = r;
                yield return [.. Enumerable.Range(0, _width).Select(c => (row, c))];
            }

            for (var c = 0; c < _width; c++)
            {
                var column = c;
                yield return [.. Enumerable.Range(0, _height).Select(r => (r, column))];
            }
        }
    }
}
