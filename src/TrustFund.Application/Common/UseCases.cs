using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace TrustFund.Application.Common;

/// <summary>
/// Runs use cases in the request's scope: finds the handler of the request's type and runs it in
/// <see cref="UseCasePipeline{TRequest, TResult}"/>.
/// </summary>
internal sealed class UseCases : IUseCases
{
    private static readonly ConcurrentDictionary<Type, object> Runners = new();

    private readonly IServiceProvider _services;

    public UseCases(IServiceProvider services)
    {
        _services = services;
    }

    public Task<Outcome<TResult>> RunAsync<TResult>(IUseCase<TResult> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var runner = (IRunner<TResult>)Runners.GetOrAdd(
            request.GetType(),
            type => Activator.CreateInstance(typeof(Runner<,>).MakeGenericType(type, typeof(TResult)))!);
        return runner.RunAsync(request, _services, cancellationToken);
    }

    private interface IRunner<TResult>
    {
        Task<Outcome<TResult>> RunAsync(IUseCase<TResult> request, IServiceProvider services, CancellationToken cancellationToken);
    }

    private sealed class Runner<TRequest, TResult> : IRunner<TResult>
        where TRequest : IUseCase<TResult>
    {
        public Task<Outcome<TResult>> RunAsync(IUseCase<TResult> request, IServiceProvider services, CancellationToken cancellationToken) =>
            services.GetRequiredService<UseCasePipeline<TRequest, TResult>>().RunAsync((TRequest)request, cancellationToken);
    }
}
