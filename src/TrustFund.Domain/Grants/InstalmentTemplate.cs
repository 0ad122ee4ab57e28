using System.Globalization;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// How a grant is paid out: the percentage of the amount in each instalment, in order (for example
/// 80/20 for short grants, 40/40/20 for longer ones). Comes from the call; 40/40/20 by default.
/// </summary>
public sealed class InstalmentTemplate
{
    public const int MaximumInstalments = 12;

    private InstalmentTemplate(IReadOnlyList<decimal> percentages)
    {
        Percentages = percentages;
    }

    /// <summary>The default: 40%, 40% then 20%.</summary>
    public static InstalmentTemplate Default { get; } = new([40m, 40m, 20m]);

    /// <summary>The percentage of the grant in each instalment, in payment order; they add up to 100.</summary>
    public IReadOnlyList<decimal> Percentages { get; }

    /// <summary>A template from percentages, each above zero with at most two decimals, adding up to exactly 100.</summary>
    public static InstalmentTemplate Of(IReadOnlyList<decimal> percentages)
    {
        var errors = new List<RuleViolation>();
        if (percentages.Count is 0 or > MaximumInstalments)
        {
            errors.Add(new RuleViolation(nameof(Percentages), new LocalText("Give from 1 to {0} instalments.", MaximumInstalments)));
        }

        if (percentages.Any(p => p <= 0 || p > 100 || decimal.Round(p, 2) != p))
        {
            errors.Add(new RuleViolation(nameof(Percentages), "Each instalment is a percentage above 0 and at most 100, with at most two decimals."));
        }

        var sum = percentages.Sum();
        if (sum != 100m)
        {
            errors.Add(new RuleViolation(nameof(Percentages), new LocalText("The instalment percentages add up to {0:0.##}; they must add up to 100.", sum)));
        }

        RulesViolatedException.ThrowIfAny(errors);
        return new InstalmentTemplate([.. percentages]);
    }

    /// <summary>Reads a template written as "40/40/20".</summary>
    public static InstalmentTemplate Parse(string text)
    {
        var parts = (text ?? string.Empty).Split('/', StringSplitOptions.TrimEntries);
        var percentages = new List<decimal>();
        foreach (var part in parts)
        {
            if (!decimal.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                throw new RulesViolatedException([new RuleViolation(nameof(Percentages), "Write the instalments as percentages separated by slashes, for example 40/40/20.")]);
            }

            percentages.Add(value);
        }

        return Of(percentages);
    }

    /// <summary>
    /// Splits <paramref name="total"/> into one amount per instalment, to the cent, adding up exactly to
    /// the total. Every instalment but the last is rounded down to the cent and the last takes what
    /// remains, so rounding never pays money earlier than the percentages say.
    /// </summary>
    public IReadOnlyList<Money> Split(Money total)
    {
        var amounts = new List<Money>(Percentages.Count);
        var allocated = 0m;
        for (var i = 0; i < Percentages.Count - 1; i++)
        {
            var share = decimal.Floor(total.Amount * Percentages[i]) / 100m;
            amounts.Add(Money.Usd(share));
            allocated += share;
        }

        amounts.Add(Money.Usd(total.Amount - allocated));
        return amounts;
    }

    /// <summary>
    /// The default release conditions of instalment <paramref name="index"/> (from 0) of
    /// <paramref name="count"/>: the first needs the agreement signed and bank details verified, the
    /// last the final report accepted, any between the interim report accepted.
    /// </summary>
    public static IReadOnlyList<ReleaseCondition> DefaultConditions(int index, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        if (index == 0)
        {
            return [ReleaseCondition.AgreementSigned, ReleaseCondition.BankDetailsVerified];
        }

        return index == count - 1 ? [ReleaseCondition.FinalReportAccepted] : [ReleaseCondition.InterimReportAccepted];
    }

    /// <summary>"40/40/20".</summary>
    public override string ToString() => string.Join('/', Percentages.Select(p => p.ToString("0.##", CultureInfo.InvariantCulture)));
}
