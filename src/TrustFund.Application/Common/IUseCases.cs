namespace TrustFund.Application.Common;

/// <summary>Runs use cases: the one entry point controllers use to change anything.</summary>
public interface IUseCases
{
    /// <summary>Runs <paramref name="request"/> through the pipeline and its handler.</summary>
    Task<Outcome<TResult>> RunAsync<TResult>(IUseCase<TResult> request, CancellationToken cancellationToken = default);
}
