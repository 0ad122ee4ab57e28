using System.Globalization;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.CallReviews;

/// <summary>
/// Why auto-assignment could not fully staff an application, as one sentence in the reader's language:
/// "Needs 3, found 1: of the 4 reviewers, 1 is a member of the organisation, 1 is at their maximum load."
/// Each count takes the form its language gives it.
/// </summary>
public static class ShortfallWords
{
    public static string Sentence(Shortfall shortfall)
    {
        ArgumentNullException.ThrowIfNull(shortfall);
        var causes = shortfall.Causes;
        var needed = shortfall.Needed.ToString("N0", CultureInfo.CurrentCulture);
        var found = shortfall.Found.ToString("N0", CultureInfo.CurrentCulture);
        if (!causes.AnyExcluded)
        {
            return Counted.Text(causes.Pool, "Needs {1}, found {2}: there is only {0} reviewer.", "Needs {1}, found {2}: there are only {0} reviewers.", needed, found);
        }

        var parts = new List<string>();
        if (causes.AlreadyAssigned > 0)
        {
            parts.Add(Counted.Text(causes.AlreadyAssigned, "{0} is already assigned or recused", "{0} are already assigned or recused"));
        }

        if (causes.Members > 0)
        {
            parts.Add(Counted.Text(causes.Members, "{0} is a member of the organisation", "{0} are members of the organisation"));
        }

        if (causes.Conflicts > 0)
        {
            parts.Add(Counted.Text(causes.Conflicts, "{0} has a conflict with the organisation", "{0} have a conflict with the organisation"));
        }

        if (causes.ProbableConflicts > 0)
        {
            parts.Add(Counted.Text(causes.ProbableConflicts, "{0} has a probable conflict nobody has ruled on", "{0} have a probable conflict nobody has ruled on"));
        }

        if (causes.OtherLanguage > 0)
        {
            var language = causes.Language is { } l ? Catalogue.Text(EnumText.Words(l)) : string.Empty;
            parts.Add(Counted.Text(causes.OtherLanguage, "{0} does not read {1}", "{0} do not read {1}", language));
        }

        if (causes.AtMaximumLoad > 0)
        {
            parts.Add(Counted.Text(causes.AtMaximumLoad, "{0} is at their maximum load", "{0} are at their maximum load"));
        }

        var list = ListText.Join(parts);
        return Counted.Text(causes.Pool, "Needs {1}, found {2}: of the {0} reviewer, {3}.", "Needs {1}, found {2}: of the {0} reviewers, {3}.", needed, found, list);
    }
}
