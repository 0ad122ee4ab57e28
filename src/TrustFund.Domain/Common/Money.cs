using System.Globalization;

namespace TrustFund.Domain.Common;

/// <summary>An amount in US dollars with at most two decimals; never negative.</summary>
public readonly record struct Money : IComparable<Money>
{
    /// <summary>Largest amount the fund handles (fits decimal(18,2) with ample margin).</summary>
    public const decimal MaximumAmount = 1_000_000_000m;

    private Money(decimal amount)
    {
        Amount = amount;
    }

    public static Money Zero { get; } = new(0m);

    public decimal Amount { get; }

    /// <summary>Creates an amount, refusing negatives, more than two decimals and absurd sizes.</summary>
    public static Money Usd(decimal amount)
    {
        if (amount < 0)
        {
            throw new DomainException("money.negative", "Amounts cannot be negative.");
        }

        if (decimal.Round(amount, 2) != amount)
        {
            throw new DomainException("money.precision", "Amounts have at most two decimals (cents).");
        }

        if (amount > MaximumAmount)
        {
            throw new DomainException("money.too-large", "The amount is too large.");
        }

        return new Money(amount);
    }

    /// <summary>Reads an amount already stored (trusted); used by persistence.</summary>
    public static Money FromStored(decimal amount) => new(amount);

    public static Money operator +(Money left, Money right) => Usd(left.Amount + right.Amount);

    public static Money operator -(Money left, Money right) => Usd(left.Amount - right.Amount);

    public static bool operator <(Money left, Money right) => left.Amount < right.Amount;

    public static bool operator >(Money left, Money right) => left.Amount > right.Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= right.Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= right.Amount;

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);

    public override string ToString() => ToString(CultureInfo.InvariantCulture);

    /// <summary>"USD 12,345.00" in the given culture's number format.</summary>
    public string ToString(IFormatProvider provider) => string.Create(provider, $"USD {Amount:N2}");
}
