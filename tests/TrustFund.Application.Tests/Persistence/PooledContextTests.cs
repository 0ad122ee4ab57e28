using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFund.Application.Common;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Infrastructure.Files;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Application.Tests.Persistence;

/// <summary>
/// Requests lease their database context from a pool: a context serves one request, then the next,
/// and nothing of the first (its actor, audit entries it queued and never saved, what it tracked) may
/// reach the second.
/// </summary>
public sealed class PooledContextTests
{
    private SliceFixture _fixture = null!;

    [SetUp]
    public async Task Start() => _fixture = await SliceFixture.StartAsync(services =>
    {
        services.AddScoped<RequestActorName>();
        services.Replace(ServiceDescriptor.Scoped<ICurrentActor, RequestActor>());
    });

    [TearDown]
    public async Task Stop() => await _fixture.DisposeAsync();

    [Test]
    public async Task NextRequest_GetsTheSameContext_WithItsOwnActorAndNothingTheLastOneLeftUnsaved()
    {
        TrustFundDbContext? first = null;
        await _fixture.WithScopeAsync(services =>
        {
            services.GetRequiredService<RequestActorName>().Value = "first.request@example.org";
            first = services.GetRequiredService<TrustFundDbContext>();
            first.AddAudit("test.unsaved", "Queued by a request that failed before saving", null, null);
            first.Add(new StoredFile { Key = Guid.NewGuid(), Content = [1, 2, 3], StoredAtUtc = _fixture.Now });
            return Task.FromResult(0);
        });

        await _fixture.WithScopeAsync(async services =>
        {
            services.GetRequiredService<RequestActorName>().Value = "second.request@example.org";
            var second = services.GetRequiredService<TrustFundDbContext>();
            Assert.That(second, Is.SameAs(first), "The context is leased again from the pool.");
            Assert.That(second.ChangeTracker.Entries().Count(), Is.Zero);
            second.AddAudit("test.saved", "Saved by the next request", null, null);
            return await second.SaveChangesAsync();
        });

        var entries = await _fixture.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action.StartsWith("test."))
            .Select(e => new { e.Action, e.ActorName })
            .ToListAsync());
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0].Action, Is.EqualTo("test.saved"));
        Assert.That(entries[0].ActorName, Is.EqualTo("second.request@example.org"));
        Assert.That(await _fixture.WithDbAsync(db => db.StoredFiles.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task ContextTakenStraightFromTheFactory_AfterARequest_ActsAsNobody()
    {
        TrustFundDbContext? served = null;
        await _fixture.WithScopeAsync(services =>
        {
            services.GetRequiredService<RequestActorName>().Value = "earlier.request@example.org";
            served = services.GetRequiredService<TrustFundDbContext>();
            served.AddAudit("test.unsaved", "Queued by a request that failed before saving", null, null);
            return Task.FromResult(0);
        });

        await _fixture.WithScopeAsync(async services =>
        {
            await using var db = services.GetRequiredService<IDbContextFactory<TrustFundDbContext>>().CreateDbContext();
            Assert.That(db, Is.SameAs(served), "The context is leased again from the pool.");
            db.AddAudit("test.factory", "Saved through a context nobody gave a request's services", null, null);
            return await db.SaveChangesAsync();
        });

        var entries = await _fixture.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.Action.StartsWith("test."))
            .Select(e => new { e.Action, e.ActorName })
            .ToListAsync());
        Assert.That(entries, Has.Count.EqualTo(1));
        Assert.That(entries[0].Action, Is.EqualTo("test.factory"));
        Assert.That(entries[0].ActorName, Is.EqualTo("system"));
    }

    /// <summary>The name a test gives the actor of the request (scope) it runs.</summary>
    private sealed class RequestActorName
    {
        public string? Value { get; set; }
    }

    private sealed class RequestActor(RequestActorName name) : ICurrentActor
    {
        public ClaimsPrincipal User { get; } = new(new ClaimsIdentity());

        public Guid? UserId => null;

        public string? Name => name.Value;

        public Guid? OrganisationId => null;

        public string? IpAddress => null;
    }
}
