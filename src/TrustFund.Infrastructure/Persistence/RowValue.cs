using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Row-value comparisons for queries, <c>(a, b) &lt; (@a, @b)</c> in SQL: the form of a keyset seek that an
/// index on <c>(a, b)</c> serves as one range, so the rows that tie on <c>a</c> are skipped in the index
/// instead of read and filtered. SQLite and PostgreSQL translate them; SQL Server has no row values, so
/// callers check <see cref="IsTranslated"/> and write the comparison out there.
/// </summary>
public static class RowValue
{
    /// <summary><c>(first, second) &lt; (otherFirst, otherSecond)</c>: only in a query.</summary>
    public static bool LessThan<T1, T2>(T1 first, T2 second, T1 otherFirst, T2 otherSecond) =>
        throw new InvalidOperationException("RowValue.LessThan is translated to SQL; it cannot run in memory.");

    /// <summary><c>(first, second) &gt; (otherFirst, otherSecond)</c>: only in a query.</summary>
    public static bool GreaterThan<T1, T2>(T1 first, T2 second, T1 otherFirst, T2 otherSecond) =>
        throw new InvalidOperationException("RowValue.GreaterThan is translated to SQL; it cannot run in memory.");

    /// <summary>Whether the context's database translates row-value comparisons.</summary>
    public static bool IsTranslated(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<RowValueTranslation>() is not null;
}
