using System.Globalization;

namespace TrustFund.Web.Features.Calls;

/// <summary>Reads an amount in US dollars typed into a form, in the invariant or the current culture.</summary>
public static class UsdAmounts
{
    /// <summary>Outcome of reading an amount.</summary>
    public enum Reading
    {
        Valid,
        NotANumber,
        Negative,
        TooManyDecimals,
        TooLarge,
    }

    public static Reading TryRead(string? text, out decimal amount)
    {
        amount = 0m;
        var cleaned = (text ?? string.Empty).Trim();
        if (cleaned.StartsWith("USD", StringComparison.OrdinalIgnoreCase))
        {
            cleaned = cleaned[3..].Trim();
        }

        cleaned = cleaned.TrimStart('$').Trim();
        const NumberStyles styles = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowThousands | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        if (cleaned.Length == 0
            || !(decimal.TryParse(cleaned, styles, CultureInfo.InvariantCulture, out amount)
                 || decimal.TryParse(cleaned, styles, CultureInfo.CurrentCulture, out amount)))
        {
            return Reading.NotANumber;
        }

        if (amount < 0)
        {
            return Reading.Negative;
        }

        if (decimal.Round(amount, 2) != amount)
        {
            return Reading.TooManyDecimals;
        }

        return amount > Domain.Common.Money.MaximumAmount ? Reading.TooLarge : Reading.Valid;
    }

    /// <summary>Shows an amount as a form value (invariant, two decimals, no grouping) so it reads back the same.</summary>
    public static string ForForm(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
