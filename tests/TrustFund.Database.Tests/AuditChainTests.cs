using Microsoft.EntityFrameworkCore;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Audit;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class AuditChainTests : EngineFixture
{
    private const int Writers = 8;
    private const int SavesPerWriter = 6;

    public AuditChainTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task SaveChanges_ConcurrentAuditWriters_ProduceOneGapFreeValidChain()
    {
        long before;
        await using (var db = NewContext())
        {
            before = await db.AuditEntries.CountAsync();
        }

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writers = Enumerable.Range(1, Writers).Select(writer => Task.Run(async () =>
        {
            await start.Task;
            var actor = new TestActor(Guid.NewGuid(), $"writer{writer}-Zoë-陈@trustfund.test", $"198.51.100.{writer}");
            for (var save = 1; save <= SavesPerWriter; save++)
            {
                await using var db = NewContext(actor);
                db.AddAudit("test.concurrent", $"Writer {writer}, save {save}: première entrée", "Writer", writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (save % 2 == 0)
                {
                    db.AddAudit("test.concurrent", $"Writer {writer}, save {save}: second entry", "Writer", writer.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                await db.SaveChangesAsync();
            }
        })).ToList();
        start.SetResult();
        await Task.WhenAll(writers);

        await using var check = NewContext();
        var sequences = await check.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        var report = await new AuditChainVerifier(check).VerifyAsync(CancellationToken.None);
        var expected = before + (Writers * SavesPerWriter * 3 / 2);
        Assert.Multiple(() =>
        {
            Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, (int)expected).Select(i => (long)i)), "sequences run 1..N without gaps");
            Assert.That(report.IsIntact, Is.True, $"chain breaks at {report.FirstBrokenSequence}");
            Assert.That(report.EntriesVerified, Is.EqualTo(expected));
        });
    }

    [Test]
    public async Task SaveChanges_EntriesReadBack_HashesStillMatchTheirContent()
    {
        await using (var db = NewContext(new TestActor(null, "Ана Иванова", "2001:db8::1")))
        {
            db.AddAudit("test.round-trip", "Résumé — العربية 中文", "Organisation", Guid.NewGuid().ToString());
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var last = await check.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();

        Assert.Multiple(() =>
        {
            Assert.That(last.OccurredAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(last.OccurredAtUtc.Ticks % 10, Is.Zero, "stored to the microsecond");
            Assert.That(AuditChain.ComputeHash(last), Is.EqualTo(last.Hash));
        });
    }
}
