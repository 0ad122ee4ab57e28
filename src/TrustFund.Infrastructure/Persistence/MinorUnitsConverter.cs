using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Stores an amount with two decimals as whole cents. SQLite has no decimal type: EF Core keeps decimals
/// there as text and compares them with a function, which no index can serve; whole cents compare as
/// integers, so filters and sorts on amounts use indexes.
/// </summary>
public sealed class MinorUnitsConverter() : ValueConverter<decimal, long>(
    amount => (long)decimal.Round(amount * 100m, 0, MidpointRounding.AwayFromZero),
    cents => cents / 100m);
