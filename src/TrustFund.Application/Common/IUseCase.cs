namespace TrustFund.Application.Common;

/// <summary>
/// A request to carry out one use case ("submit an application", "publish a call"), answered with
/// <typeparamref name="TResult"/>. Sent through <see cref="IUseCases"/>, which runs it in the one
/// pipeline (validation, domain errors, stale edits, safe retries).
/// </summary>
/// <typeparam name="TResult">What the use case answers when it succeeds.</typeparam>
public interface IUseCase<TResult>;
