using TrustFund.Application.Applications;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>Reads the amounts typed into the list's filters; a filter that cannot be read is ignored and explained.</summary>
public static class ApplicationListFilters
{
    /// <summary>Sets the query's amount bounds and returns plain-language problems with the typed amounts (shown above the list).</summary>
    public static IReadOnlyList<(string Field, string Message)> Read(ApplicationListQuery query)
    {
        var problems = new List<(string, string)>();
        if (!NumberText.TryReadOptionalAmount(query.Min, out var min))
        {
            problems.Add((nameof(query.Min), "Enter the smallest amount in US dollars, such as 5000."));
        }

        if (!NumberText.TryReadOptionalAmount(query.Max, out var max))
        {
            problems.Add((nameof(query.Max), "Enter the largest amount in US dollars, such as 20000."));
        }

        if (min is { } low && max is { } high && low > high)
        {
            problems.Add((nameof(query.Max), "The largest amount must not be smaller than the smallest amount."));
        }

        query.WithAmounts(min, max);
        return problems;
    }
}
