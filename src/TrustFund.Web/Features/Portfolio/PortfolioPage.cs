using TrustFund.Application.Reports;

namespace TrustFund.Web.Features.Portfolio;

/// <summary>The portfolio report's page: the period and call asked for, the calls to choose from, and the report (null when the period is not valid).</summary>
public sealed record PortfolioPage(PortfolioFilters Filters, IReadOnlyList<PortfolioCall> Calls, PortfolioReport? Report);

/// <summary>The portfolio report's query: <c>?from=2026-01-01&amp;to=2026-12-31&amp;call=…</c>, each optional.</summary>
public sealed class PortfolioFilters
{
    public DateOnly? From { get; set; }

    public DateOnly? To { get; set; }

    public Guid? Call { get; set; }

    /// <summary>The same filters as a query string ("" when there are none), for the links between the page and its PDF.</summary>
    public string Query()
    {
        var parts = new List<string>();
        if (From is { } from)
        {
            parts.Add($"from={from:yyyy-MM-dd}");
        }

        if (To is { } to)
        {
            parts.Add($"to={to:yyyy-MM-dd}");
        }

        if (Call is { } call)
        {
            parts.Add($"call={call}");
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}

/// <summary>One breakdown table of the portfolio report (by call, region, country or type of assistance).</summary>
/// <param name="Note">What the reader should know about the rows, if anything (for example that they overlap).</param>
public sealed record PortfolioBreakdown(string Id, string Caption, string Heading, IReadOnlyList<PortfolioRow> Rows, string? Note);
