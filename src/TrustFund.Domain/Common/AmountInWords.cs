using System.Globalization;
using System.Text;

namespace TrustFund.Domain.Common;

/// <summary>
/// Amounts written out in English words, as an award letter states them beside the figures:
/// 42,500.50 reads "forty-two thousand five hundred United States dollars and 50 cents". Whole
/// numbers use the short scale (thousand, million, billion) with hyphenated tens ("forty-two") and
/// no "and" inside a number; cents are given in figures, as cheques and agreements write them.
/// </summary>
public static class AmountInWords
{
    private static readonly string[] Units =
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    ];

    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

    private static readonly (long Value, string Name)[] Scales =
    [
        (1_000_000_000_000, "trillion"),
        (1_000_000_000, "billion"),
        (1_000_000, "million"),
        (1_000, "thousand"),
    ];

    /// <summary>A whole number from 0 to 999,999,999,999,999 in words: 1001 reads "one thousand one".</summary>
    public static string Number(long number)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999_999_999_999);
        if (number == 0)
        {
            return Units[0];
        }

        var words = new StringBuilder();
        var rest = number;
        foreach (var (value, name) in Scales)
        {
            if (rest >= value)
            {
                Append(words, BelowThousand((int)(rest / value))).Append(' ').Append(name);
                rest %= value;
            }
        }

        if (rest > 0)
        {
            Append(words, BelowThousand((int)rest));
        }

        return words.ToString();
    }

    /// <summary>
    /// An amount of US dollars in words: "one United States dollar", "ten United States dollars and
    /// 5 cents", "zero United States dollars and 1 cent". At most two decimals, never negative.
    /// </summary>
    public static string Usd(decimal amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(amount);
        if (decimal.Round(amount, 2) != amount)
        {
            throw new ArgumentException("Amounts have at most two decimals (cents).", nameof(amount));
        }

        var dollars = (long)decimal.Truncate(amount);
        var cents = (int)((amount - dollars) * 100);
        var text = $"{Number(dollars)} United States {(dollars == 1 ? "dollar" : "dollars")}";
        return cents == 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{text} and {cents} {(cents == 1 ? "cent" : "cents")}");
    }

    private static StringBuilder Append(StringBuilder words, string part) =>
        words.Length == 0 ? words.Append(part) : words.Append(' ').Append(part);

    private static string BelowThousand(int number)
    {
        var hundreds = number / 100;
        var rest = number % 100;
        var text = hundreds > 0 ? $"{Units[hundreds]} hundred" : string.Empty;
        if (rest == 0)
        {
            return text;
        }

        var below = rest < 20 ? Units[rest] : rest % 10 == 0 ? Tens[rest / 10] : $"{Tens[rest / 10]}-{Units[rest % 10]}";
        return text.Length == 0 ? below : $"{text} {below}";
    }
}
