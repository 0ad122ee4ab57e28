namespace TrustFund.Application.Common;

/// <summary>
/// Carries out one use case: loads what it needs through <see cref="ITrustFundDb"/>, checks who may
/// act, calls the aggregate and saves. Broken rules are thrown (domain errors,
/// <see cref="RefusedException"/>, <see cref="NotFoundException"/>, <see cref="StaleEditException"/>);
/// the pipeline turns them into an <see cref="Outcome{TResult}"/>.
/// </summary>
public interface IUseCaseHandler<in TRequest, TResult>
    where TRequest : IUseCase<TResult>
{
    Task<TResult> HandleAsync(TRequest request, CancellationToken cancellationToken);
}
