using System.Globalization;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Reads an amount in US dollars typed in a form, in the invariant or the current culture.</summary>
public static class AmountText
{
    /// <summary>True when <paramref name="text"/> is empty (amount null) or a number with at most two decimals, zero or more.</summary>
    public static bool TryParse(string? text, out decimal? amount)
    {
        amount = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var cleaned = text.Trim().Replace("USD", string.Empty, StringComparison.OrdinalIgnoreCase).Replace("$", string.Empty, StringComparison.Ordinal).Trim();
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.CurrentCulture })
        {
            if (decimal.TryParse(cleaned, NumberStyles.Number, culture, out var value))
            {
                if (value < 0 || decimal.Round(value, 2) != value || value > Domain.Common.Money.MaximumAmount)
                {
                    return false;
                }

                amount = value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the text is empty or a valid amount.</summary>
    public static bool IsValid(string? text) => TryParse(text, out _);

    /// <summary>How an amount is written back into a form field (invariant, so it parses back).</summary>
    public static string Format(decimal? amount) => amount?.ToString("0.00", CultureInfo.InvariantCulture) ?? string.Empty;
}
