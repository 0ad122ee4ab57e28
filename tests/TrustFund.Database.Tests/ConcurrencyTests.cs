using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class ConcurrencyTests : EngineFixture
{
    public ConcurrencyTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task SaveChanges_SecondConflictingUpdateOfOrganisation_ThrowsAndKeepsTheFirst()
    {
        var id = await RegisterOrganisationAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        var seenByFirst = await first.Organisations.SingleAsync(o => o.Id == id);
        var seenBySecond = await second.Organisations.SingleAsync(o => o.Id == id);
        seenByFirst.Verify(Clock.GetUtcNow().UtcDateTime);
        seenBySecond.Reject("Registration documents are unreadable.", Clock.GetUtcNow().UtcDateTime);

        await first.SaveChangesAsync();

        Assert.That(async () => await second.SaveChangesAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        await using var check = NewContext();
        var stored = await check.Organisations.SingleAsync(o => o.Id == id);
        var changes = await check.AuditEntries.Where(e => e.EntityId == id.ToString() && e.Action == AuditActions.EntityChanged).Select(e => e.Summary).ToListAsync();
        var chain = await new AuditChainVerifier(check).VerifyAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(OrganisationStatus.Verified));
            Assert.That(stored.StatusReason, Is.Null);
            Assert.That(changes, Has.Count.EqualTo(1), "only the saved change is audited");
            Assert.That(changes.FirstOrDefault(), Does.Contain("Status PendingVerification -> Verified"));
            Assert.That(chain.IsIntact, Is.True, $"chain breaks at {chain.FirstBrokenSequence}");
        });
    }

    [Test]
    public async Task SaveChanges_RetryAfterConflictOnTheSameContext_SavesAndAuditsOnce()
    {
        var id = await RegisterOrganisationAsync();
        await using var first = NewContext();
        await using var second = NewContext();
        (await first.Organisations.SingleAsync(o => o.Id == id)).Verify(Clock.GetUtcNow().UtcDateTime);
        var stale = await second.Organisations.SingleAsync(o => o.Id == id);
        stale.Reject("Registration documents are unreadable.", Clock.GetUtcNow().UtcDateTime);
        await first.SaveChangesAsync();
        var conflict = Assert.ThrowsAsync<DbUpdateConcurrencyException>(async () => await second.SaveChangesAsync())!;

        foreach (var entry in conflict.Entries)
        {
            await entry.ReloadAsync();
        }

        stale.Suspend("Registration documents are forged.", Clock.GetUtcNow().UtcDateTime);
        await second.SaveChangesAsync();

        await using var check = NewContext();
        var stored = await check.Organisations.SingleAsync(o => o.Id == id);
        var changes = await check.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Action == AuditActions.EntityChanged);
        var chain = await new AuditChainVerifier(check).VerifyAsync(CancellationToken.None);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(OrganisationStatus.Suspended));
            Assert.That(changes, Is.EqualTo(2), "the verification and the suspension, not the refused rejection");
            Assert.That(chain.IsIntact, Is.True, $"chain breaks at {chain.FirstBrokenSequence}");
        });
    }

    [Test]
    public async Task SaveChanges_UpdateAfterReloadingTheCurrentVersion_Succeeds()
    {
        var id = await RegisterOrganisationAsync();
        await using (var first = NewContext())
        {
            (await first.Organisations.SingleAsync(o => o.Id == id)).Verify(Clock.GetUtcNow().UtcDateTime);
            await first.SaveChangesAsync();
        }

        await using (var second = NewContext())
        {
            (await second.Organisations.SingleAsync(o => o.Id == id)).Suspend("Audit findings under review.", Clock.GetUtcNow().UtcDateTime);
            await second.SaveChangesAsync();
        }

        await using var check = NewContext();
        var stored = await check.Organisations.SingleAsync(o => o.Id == id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Status, Is.EqualTo(OrganisationStatus.Suspended));
            Assert.That(stored.StatusReason, Is.EqualTo("Audit findings under review."));
        });
    }

    [Test]
    public async Task SaveChanges_AggregateChange_RenewsItsVersion()
    {
        var id = await RegisterOrganisationAsync();
        await using var db = NewContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
        var before = organisation.Version;

        organisation.Verify(Clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync();

        await using var check = NewContext();
        var stored = await check.Organisations.SingleAsync(o => o.Id == id);
        Assert.That(stored.Version, Is.Not.EqualTo(before).And.EqualTo(organisation.Version));
    }

    private async Task<Guid> RegisterOrganisationAsync()
    {
        await using var db = NewContext();
        var organisation = Organisation.Register("Casa de Acogida Esperanza", "PER", Clock.GetUtcNow().UtcDateTime);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }
}
