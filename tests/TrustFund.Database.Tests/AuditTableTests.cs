using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class AuditTableTests : EngineFixture
{
    public AuditTableTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Update_AuditEntry_IsRejectedAndTheRowIsUnchanged()
    {
        var written = await WriteEntryAsync();
        await using var db = NewContext();
        var sql = $"UPDATE {Quote(db, AuditTable.Name)} SET {Quote(db, nameof(AuditEntry.Summary))} = 'rewritten' WHERE {Quote(db, nameof(AuditEntry.Sequence))} = {written.Sequence}";

        Assert.That(
            async () => await db.Database.ExecuteSqlRawAsync(sql),
            Throws.InstanceOf<DbException>().With.Message.Contains(AuditTable.AppendOnlyMessage));
        await AssertUnchangedAsync(written);
    }

    [Test]
    public async Task Delete_AuditEntry_IsRejectedAndTheRowStays()
    {
        var written = await WriteEntryAsync();
        await using var db = NewContext();
        var sql = $"DELETE FROM {Quote(db, AuditTable.Name)} WHERE {Quote(db, nameof(AuditEntry.Sequence))} = {written.Sequence}";

        Assert.That(
            async () => await db.Database.ExecuteSqlRawAsync(sql),
            Throws.InstanceOf<DbException>().With.Message.Contains(AuditTable.AppendOnlyMessage));
        await AssertUnchangedAsync(written);
    }

    [Test]
    public async Task ExecuteUpdate_AuditEntries_IsRejected()
    {
        var written = await WriteEntryAsync();
        await using var db = NewContext();

        Assert.That(
            async () => await db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.ActorName, "someone else")),
            Throws.InstanceOf<DbException>().With.Message.Contains(AuditTable.AppendOnlyMessage));
        await AssertUnchangedAsync(written);
    }

    private async Task<AuditEntry> WriteEntryAsync()
    {
        await using var db = NewContext(new TestActor(Guid.NewGuid(), "auditor@trustfund.test", "192.0.2.10"));
        db.AddAudit("test.recorded", "An entry that must never change", "Organisation", "42");
        await db.SaveChangesAsync();
        return await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
    }

    private async Task AssertUnchangedAsync(AuditEntry written)
    {
        await using var db = NewContext();
        var stored = await db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == written.Sequence);
        Assert.That(stored, Is.Not.Null, "the entry is still there");
        Assert.Multiple(() =>
        {
            Assert.That(stored!.Summary, Is.EqualTo(written.Summary));
            Assert.That(stored.ActorName, Is.EqualTo(written.ActorName));
            Assert.That(stored.Hash, Is.EqualTo(written.Hash));
            Assert.That(AuditChain.ComputeHash(stored), Is.EqualTo(stored.Hash));
        });
    }

    private static string Quote(TrustFundDbContext db, string identifier) =>
        db.GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
}
