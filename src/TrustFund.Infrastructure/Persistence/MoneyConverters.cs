using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TrustFund.Domain.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Stores <see cref="Money"/> as its amount in US dollars, a decimal(18,2) column.</summary>
public sealed class MoneyConverter() : ValueConverter<Money, decimal>(
    money => money.Amount,
    amount => Money.FromStored(amount));

/// <summary>
/// Stores <see cref="Money"/> as whole cents, on SQLite (see <see cref="MinorUnitsConverter"/>): sums
/// and comparisons of amounts run in the database, as integers.
/// </summary>
public sealed class MoneyMinorUnitsConverter() : ValueConverter<Money, long>(
    money => (long)decimal.Round(money.Amount * 100m, 0, MidpointRounding.AwayFromZero),
    cents => Money.FromStored(cents / 100m));
