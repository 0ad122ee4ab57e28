using System.Globalization;

namespace TrustFund.Web.Features.Shared;

/// <summary>
/// A horizontal bar chart drawn on the server as inline SVG, shown beside a table of the same figures
/// (<c>_BarChart.cshtml</c>): one row per label, one bar per series. Every text is already localized.
/// </summary>
/// <param name="Id">A unique prefix for the element ids on the page.</param>
/// <param name="Title">What the chart shows: the table's caption and the drawing's accessible name.</param>
/// <param name="LabelHeader">The header of the table's first column (what a row is).</param>
/// <param name="Series">The names of the series: the table's other column headers and the legend.</param>
/// <param name="Rows">The rows, in the order shown.</param>
public sealed record BarChart(string Id, string Title, string LabelHeader, IReadOnlyList<string> Series, IReadOnlyList<BarChartRow> Rows)
{
    public const int Width = 480;
    public const int LabelHeight = 20;
    public const int BarHeight = 16;
    public const int Gap = 4;
    public const int RowGap = 10;
    public const int LegendHeight = 24;

    /// <summary>The room a bar leaves on its right for its figure.</summary>
    public const int FigureRoom = 150;

    /// <summary>The longest label drawn in full; the table beside the chart always shows it all.</summary>
    public const int LabelMaxLength = 56;

    /// <summary>Fill colours, one per series, each with at least 3:1 contrast on white.</summary>
    public static readonly IReadOnlyList<string> Colours = ["#0b5ed7", "#a14a00", "#146c43", "#6f42c1"];

    private decimal Largest => Rows.SelectMany(r => r.Values).DefaultIfEmpty(0m).Max();

    private int LegendSpace => Series.Count > 1 ? LegendHeight : 0;

    private int RowHeight => LabelHeight + (Series.Count * (BarHeight + Gap)) + RowGap;

    public int Height => LegendSpace + (Rows.Count * RowHeight);

    /// <summary>A chart of one series.</summary>
    public static BarChart OneSeries(string id, string title, string labelHeader, string valueHeader, IEnumerable<BarChartRow> rows) =>
        new(id, title, labelHeader, [valueHeader], [.. rows]);

    /// <summary>The top of row <paramref name="row"/>'s label line.</summary>
    public int RowTop(int row) => LegendSpace + (row * RowHeight);

    /// <summary>The top of the bar of series <paramref name="series"/> in row <paramref name="row"/>.</summary>
    public int BarTop(int row, int series) => RowTop(row) + LabelHeight + (series * (BarHeight + Gap));

    /// <summary>The length of a bar (at least one unit for a figure above zero, so it shows).</summary>
    public double BarLength(decimal value)
    {
        if (value <= 0m || Largest <= 0m)
        {
            return 0;
        }

        return Math.Max(1d, (double)(value / Largest) * (Width - FigureRoom));
    }

    public static string Label(string label) => label.Length <= LabelMaxLength ? label : string.Concat(label.AsSpan(0, LabelMaxLength - 1), "…");

    /// <summary>A coordinate as SVG reads it (invariant digits).</summary>
    public static string At(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}

/// <summary>One row of a <see cref="BarChart"/>: its label, a figure per series (and how it is written), and an optional link to the list behind it.</summary>
public sealed record BarChartRow(string Label, IReadOnlyList<decimal> Values, IReadOnlyList<string> Figures, string? Link = null)
{
    /// <summary>A row of a one-series chart of counts.</summary>
    public static BarChartRow Count(string label, int count, string? link = null) =>
        new(label, [count], [count.ToString("N0", CultureInfo.CurrentCulture)], link);
}
