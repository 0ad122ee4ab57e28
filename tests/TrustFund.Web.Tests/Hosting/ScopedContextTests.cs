using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Common;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Hosting;

/// <summary>
/// A scope hands its one context out as <see cref="TrustFundDbContext"/> and as <see cref="ITrustFundDb"/>,
/// and disposes each when it ends. The context must go back to the pool once: a second return, after
/// another unit of work leased it, would reset that one's context under it.
/// </summary>
public sealed class ScopedContextTests
{
    [Test]
    public async Task EndingAScope_ReturnsItsContextOnce_EvenWhenAnotherLeasesOneWhileTheScopeEnds()
    {
        using var app = await new TrustFundApp { AdditionalServices = services => services.AddScoped<LeasesDuringDisposal>() }.StartAsync();
        var factory = app.Services.GetRequiredService<IDbContextFactory<TrustFundDbContext>>();

        // Empty the pool, so a lease gets either a new context or one returned after this point.
        var drained = Enumerable.Range(0, 64).Select(_ => factory.CreateDbContext()).ToList();
        LeasesDuringDisposal duringDisposal;
        TrustFundDbContext scopes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scopes = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            duringDisposal = scope.ServiceProvider.GetRequiredService<LeasesDuringDisposal>();
            Assert.That(scope.ServiceProvider.GetRequiredService<ITrustFundDb>(), Is.SameAs(scopes));
        }

        await using var leasedWhileTheScopeEnded = duringDisposal.Leased!;
        await using var leasedAfter = factory.CreateDbContext();

        Assert.That(leasedAfter, Is.Not.SameAs(leasedWhileTheScopeEnded), "the pool handed out a context that is still leased");
        Assert.That(leasedAfter, Is.SameAs(scopes), "the scope's context went back to the pool when the scope ended");
        Assert.That(await leasedWhileTheScopeEnded.Users.CountAsync(), Is.GreaterThan(0), "the context leased while the scope ended still works");
        foreach (var context in drained)
        {
            await context.DisposeAsync();
        }
    }

    [Test]
    public async Task DisposingTheScopesContext_LeavesItUsableUntilTheScopeEnds()
    {
        using var app = await new TrustFundApp().StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITrustFundDb>();
        var context = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();

        await context.DisposeAsync();

        Assert.That(await context.Users.CountAsync(), Is.GreaterThan(0));
        Assert.That(db, Is.SameAs(context));
    }

    /// <summary>A service of the scope that, as the scope ends, leases a context as another unit of work would.</summary>
    private sealed class LeasesDuringDisposal(IDbContextFactory<TrustFundDbContext> factory) : IAsyncDisposable
    {
        public TrustFundDbContext? Leased { get; private set; }

        public ValueTask DisposeAsync()
        {
            Leased = factory.CreateDbContext();
            return ValueTask.CompletedTask;
        }
    }
}
