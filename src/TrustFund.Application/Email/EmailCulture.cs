using System.Globalization;
using TrustFund.Application.Common;

namespace TrustFund.Application.Email;

/// <summary>The language an email is written in.</summary>
public static class EmailCulture
{
    /// <summary>
    /// The culture named <paramref name="name"/> (a recipient's choice, "fr"), as the fund writes numbers
    /// and dates in it (<see cref="FundCulture"/>); <paramref name="fallback"/> when none is named or the name is unknown.
    /// </summary>
    public static CultureInfo Of(string? name, CultureInfo fallback)
    {
        if (!string.IsNullOrWhiteSpace(name))
        {
            try
            {
                return FundCulture.Of(CultureInfo.GetCultureInfo(name));
            }
            catch (CultureNotFoundException)
            {
            }
        }

        return FundCulture.Of(fallback);
    }
}
