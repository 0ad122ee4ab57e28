using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// A scope's context, leased from the pool with the scope's services, and returned to the pool once,
/// when the scope ends. The scope disposes every disposable service it created, and it gives the one
/// context out as <see cref="TrustFundDbContext"/> and as <see cref="ITrustFundDb"/>: were each of those
/// disposals to return the context, the second could come after another unit of work had leased it
/// from the pool, resetting that one's context under it (its open reader closed, its actor forgotten)
/// and putting it back in the pool while still in use. The context ignores disposal while this lease
/// holds it; the lease, created before the context was handed out and so disposed after every name it
/// was given under, returns it.
/// </summary>
internal sealed class ScopedContextLease(IServiceProvider services) : IAsyncDisposable, IDisposable
{
    public TrustFundDbContext Context { get; } = services.GetRequiredService<IDbContextFactory<TrustFundDbContext>>().CreateDbContext()
        .UseServices(
            services.GetRequiredService<TimeProvider>(),
            services.GetService<ICurrentActor>(),
            services.GetService<IDataProtectionProvider>(),
            services.GetService<IDomainEventDispatcher>())
        .HeldByScope();

    public ValueTask DisposeAsync() => Context.EndScope().DisposeAsync();

    public void Dispose() => Context.EndScope().Dispose();
}
