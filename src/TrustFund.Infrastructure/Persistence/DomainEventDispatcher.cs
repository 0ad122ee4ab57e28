using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Finds the handlers of each domain event in the request's scope (lazily: the handlers themselves
/// need the unit of work that calls this) and runs them one after another, in registration order.
/// </summary>
internal sealed class DomainEventDispatcher : IDomainEventDispatcher
{
    private static readonly ConcurrentDictionary<Type, Func<IServiceProvider, IDomainEvent, CancellationToken, Task>> Dispatchers = new();

    private readonly IServiceProvider _services;

    public DomainEventDispatcher(IServiceProvider services)
    {
        _services = services;
    }

    public Task DispatchAsync(IDomainEvent domainEvent, CancellationToken cancellationToken) =>
        Dispatchers.GetOrAdd(domainEvent.GetType(), Build)(_services, domainEvent, cancellationToken);

    private static Func<IServiceProvider, IDomainEvent, CancellationToken, Task> Build(Type eventType)
    {
        var method = typeof(DomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!
            .MakeGenericMethod(eventType);
        return method.CreateDelegate<Func<IServiceProvider, IDomainEvent, CancellationToken, Task>>();
    }

    private static async Task DispatchTypedAsync<TEvent>(IServiceProvider services, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent
    {
        foreach (var handler in services.GetServices<IDomainEventHandler<TEvent>>())
        {
            await handler.HandleAsync((TEvent)domainEvent, cancellationToken);
        }
    }
}
