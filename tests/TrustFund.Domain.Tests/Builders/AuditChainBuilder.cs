using TrustFund.Domain.Audit;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds intact audit chains, and tampers with them the way an attacker with database access could.</summary>
public static class AuditChainBuilder
{
    public static readonly DateTime Start = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>An unchained entry with fixed content.</summary>
    public static AuditEntry Entry(int number) => AuditEntry.Create(
        Start.AddMinutes(number),
        new Guid($"00000000-0000-0000-0000-{number:D12}"),
        $"user{number}@trustfund.test",
        "192.0.2.1",
        "entity.changed",
        "Organisation",
        number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        $"Change number {number}");

    /// <summary>An intact chain of <paramref name="count"/> entries, sequences 1..count.</summary>
    public static List<AuditEntry> Chain(int count)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var entry = Entry(i);
            entry.Chain(i, previous);
            previous = entry.Hash;
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Rewrites a stored property behind the entity's back, as an UPDATE in the database would.</summary>
    public static void Overwrite<T>(AuditEntry entry, string property, T value) =>
        typeof(AuditEntry).GetProperty(property)!.SetValue(entry, value);
}
