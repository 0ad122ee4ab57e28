using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TrustFund.Database.Tests.Engines;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>PostgreSQL alone can refuse TRUNCATE with a trigger (SQLite has no TRUNCATE).</summary>
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class PostgreSqlAuditTableTests : EngineFixture
{
    public PostgreSqlAuditTableTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Truncate_AuditTable_IsRejectedAndEntriesStay()
    {
        await using var db = NewContext();
        db.AddAudit("test.recorded", "An entry that must never go", null, null);
        await db.SaveChangesAsync();
        var sql = $"TRUNCATE \"{AuditTable.Name}\"";

        Assert.That(
            async () => await db.Database.ExecuteSqlRawAsync(sql),
            Throws.InstanceOf<DbException>().With.Message.Contains(AuditTable.AppendOnlyMessage));
        Assert.That(await db.AuditEntries.CountAsync(), Is.EqualTo(1));
    }
}
