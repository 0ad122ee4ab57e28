using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Database.Tests.Engines;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>Each engine's unique-key error is read as the same collision, named by the model's index.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class CollisionDetectorTests : EngineFixture
{
    public CollisionDetectorTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    [Test]
    public async Task Detect_SecondCallWithTheSameCode_IsADuplicateOnTheCodeIndex()
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        await using (var first = NewContext())
        {
            first.Calls.Add(TestCalls.Published("DUPE", "First", now));
            await first.SaveChangesAsync();
        }

        await using var second = NewContext();
        second.Calls.Add(TestCalls.Published("DUPE", "Second", now));
        var error = Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync())!;

        var collision = new CollisionDetector(second).Detect(error);

        Assert.That(collision, Is.Not.Null, error.InnerException?.Message);
        Assert.Multiple(() =>
        {
            Assert.That(collision!.Kind, Is.EqualTo(CollisionKind.DuplicateKey));
            Assert.That(collision.IsDuplicateOn("IX_Calls_Code"), Is.True, collision.Constraint);
            Assert.That(collision.IsDuplicateOn("IX_Applications_Reference"), Is.False);
        });
    }

    [Test]
    public void Detect_SomethingElse_IsNoCollision()
    {
        using var db = NewContext();

        Assert.That(new CollisionDetector(db).Detect(new InvalidOperationException("not a database error")), Is.Null);
    }
}
