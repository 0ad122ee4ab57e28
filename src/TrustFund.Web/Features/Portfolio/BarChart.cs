using System.Globalization;
using System.Net;
using System.Text;

namespace TrustFund.Web.Features.Portfolio;

/// <summary>
/// A horizontal bar chart of two series per category (for example approved and paid by region),
/// drawn as inline SVG on the server: the same picture on screen and in the PDF, no script, no
/// animation. The chart is an image with a title; the table printed beside it carries the figures.
/// </summary>
public static class BarChart
{
    private const int Width = 640;
    private const int LabelWidth = 170;
    private const int ValueWidth = 110;
    private const int BarHeight = 11;
    private const int GroupGap = 10;
    private const int LegendHeight = 24;

    /// <summary>One category with its two values.</summary>
    public sealed record Bar(string Label, decimal First, decimal Second);

    /// <summary>The SVG markup (encoded: labels are text, never markup).</summary>
    /// <param name="title">The chart's accessible name.</param>
    /// <param name="firstName">The first series' name, for the legend (for example "Approved").</param>
    /// <param name="secondName">The second series' name (for example "Paid").</param>
    public static string Svg(string id, string title, string firstName, string secondName, IReadOnlyList<Bar> bars)
    {
        var culture = CultureInfo.InvariantCulture;
        var max = bars.Count == 0 ? 0m : bars.Max(b => Math.Max(b.First, b.Second));
        var plot = Width - LabelWidth - ValueWidth;
        var height = LegendHeight + (bars.Count * ((2 * BarHeight) + GroupGap)) + 4;
        double Length(decimal value) => max <= 0 ? 0 : Math.Max(0, (double)(value / max) * plot);
        string Number(decimal value) => value.ToString("N0", CultureInfo.CurrentCulture);
        static string Encode(string text) => WebUtility.HtmlEncode(text);

        var svg = new StringBuilder();
        svg.Append(culture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-labelledby=\"{id}-title\" data-chart=\"{id}\">");
        svg.Append(culture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        svg.Append(culture, $"<rect x=\"{LabelWidth}\" y=\"4\" width=\"12\" height=\"12\" fill=\"#1f5fa8\"/><text x=\"{LabelWidth + 16}\" y=\"14\" font-size=\"12\">{Encode(firstName)}</text>");
        svg.Append(culture, $"<rect x=\"{LabelWidth + 150}\" y=\"4\" width=\"12\" height=\"12\" fill=\"#2e7d32\"/><text x=\"{LabelWidth + 166}\" y=\"14\" font-size=\"12\">{Encode(secondName)}</text>");
        var y = LegendHeight;
        foreach (var bar in bars)
        {
            svg.Append(culture, $"<text x=\"{LabelWidth - 6}\" y=\"{y + BarHeight + 4}\" font-size=\"12\" text-anchor=\"end\">{Encode(Shorten(bar.Label))}</text>");
            var first = Length(bar.First);
            var second = Length(bar.Second);
            svg.Append(culture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{first:0.#}\" height=\"{BarHeight}\" fill=\"#1f5fa8\"/>");
            svg.Append(culture, $"<text x=\"{LabelWidth + first + 4:0.#}\" y=\"{y + BarHeight - 2}\" font-size=\"10\">{Encode(Number(bar.First))}</text>");
            svg.Append(culture, $"<rect x=\"{LabelWidth}\" y=\"{y + BarHeight}\" width=\"{second:0.#}\" height=\"{BarHeight}\" fill=\"#2e7d32\"/>");
            svg.Append(culture, $"<text x=\"{LabelWidth + second + 4:0.#}\" y=\"{y + (2 * BarHeight) - 2}\" font-size=\"10\">{Encode(Number(bar.Second))}</text>");
            y += (2 * BarHeight) + GroupGap;
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Shorten(string label) => label.Length <= 26 ? label : string.Concat(label.AsSpan(0, 25), "…");
}
