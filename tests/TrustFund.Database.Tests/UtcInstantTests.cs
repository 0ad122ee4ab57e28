using Microsoft.EntityFrameworkCore;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// Instants are stored as UTC and read back as UTC on every engine. The test run sets a local time
/// zone far from UTC (database.runsettings), so a local value that is not converted would show.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class UtcInstantTests : EngineFixture
{
    // Microsecond precision: the finest PostgreSQL keeps.
    private static readonly DateTime Instant = new DateTime(2026, 3, 2, 23, 59, 58, DateTimeKind.Utc).AddTicks(1_234_560);

    public UtcInstantTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task RoundTrip_UtcInstant_ReadsBackEqualAndUtc()
    {
        var id = await SaveAsync(Organisation.Register("Women's Shelter Network", "KEN", Instant));

        var stored = await LoadAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(stored.RegisteredAtUtc, Is.EqualTo(Instant));
            Assert.That(stored.RegisteredAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        });
    }

    [Test]
    public async Task RoundTrip_LocalInstant_IsStoredAsUtc()
    {
        var local = Instant.ToLocalTime();
        var id = await SaveAsync(Organisation.Register("Women's Shelter Network", "KEN", local));

        var stored = await LoadAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(stored.RegisteredAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(stored.RegisteredAtUtc.Ticks, Is.EqualTo(Instant.Ticks), $"local {local:O} is {Instant:O} in UTC");
        });
    }

    [Test]
    public async Task RoundTrip_NullableLocalInstant_IsStoredAsUtc()
    {
        var organisation = Organisation.Register("Women's Shelter Network", "KEN", Instant);
        organisation.Verify(Instant.AddHours(5).ToLocalTime());
        var id = await SaveAsync(organisation);

        var stored = await LoadAsync(id);

        Assert.Multiple(() =>
        {
            Assert.That(stored.StatusChangedAtUtc?.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(stored.StatusChangedAtUtc?.Ticks, Is.EqualTo(Instant.AddHours(5).Ticks));
        });
    }

    [Test]
    public async Task Query_UtcInstantParameter_ComparesAsTheSameInstant()
    {
        var id = await SaveAsync(Organisation.Register("Women's Shelter Network", "KEN", Instant));
        await using var db = NewContext();

        var atInstant = await db.Organisations.CountAsync(o => o.Id == id && o.RegisteredAtUtc == Instant);
        var before = await db.Organisations.CountAsync(o => o.Id == id && o.RegisteredAtUtc < Instant.AddTicks(10));
        var after = await db.Organisations.CountAsync(o => o.Id == id && o.RegisteredAtUtc > Instant.AddTicks(-10));
        var localParameter = await db.Organisations.CountAsync(o => o.Id == id && o.RegisteredAtUtc == Instant.ToLocalTime());

        Assert.That(new[] { atInstant, before, after, localParameter }, Is.All.EqualTo(1));
    }

    private async Task<Guid> SaveAsync(Organisation organisation)
    {
        await using var db = NewContext();
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private async Task<Organisation> LoadAsync(Guid id)
    {
        await using var db = NewContext();
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id);
    }
}
