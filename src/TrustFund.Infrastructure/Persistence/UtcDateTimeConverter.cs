using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>Stores instants as UTC and marks them UTC when read (SQLite and SQL Server forget the kind).</summary>
internal sealed class UtcDateTimeConverter : ValueConverter<DateTime, DateTime>
{
    public UtcDateTimeConverter()
        : base(
            v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
            v => DateTime.SpecifyKind(v, DateTimeKind.Utc))
    {
    }
}
