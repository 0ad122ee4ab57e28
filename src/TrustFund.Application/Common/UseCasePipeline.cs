using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Common;

/// <summary>
/// The one place where every use case's cross-cutting work happens: the request's shape is validated
/// (FluentValidation), domain errors and refusals become problems for an error summary, stale edits
/// become a message naming who changed the record and when, the collisions a use case declares safe
/// are retried (each retry logged), and after any refusal the loaded data is forgotten so the page is
/// read again fresh. Any other exception propagates to the error page, which shows its correlation id.
/// </summary>
internal sealed class UseCasePipeline<TRequest, TResult>
    where TRequest : IUseCase<TResult>
{
    private readonly IUseCaseHandler<TRequest, TResult> _handler;
    private readonly IEnumerable<IValidator<TRequest>> _validators;
    private readonly ITrustFundDb _db;
    private readonly ICollisionDetector _collisions;
    private readonly ILogger<UseCasePipeline<TRequest, TResult>> _logger;

    public UseCasePipeline(
        IUseCaseHandler<TRequest, TResult> handler,
        IEnumerable<IValidator<TRequest>> validators,
        ITrustFundDb db,
        ICollisionDetector collisions,
        ILogger<UseCasePipeline<TRequest, TResult>> logger)
    {
        _handler = handler;
        _validators = validators;
        _db = db;
        _collisions = collisions;
        _logger = logger;
    }

    public async Task<Outcome<TResult>> RunAsync(TRequest request, CancellationToken cancellationToken)
    {
        var invalid = await ValidateAsync(request, cancellationToken);
        if (invalid.Count > 0)
        {
            return Outcome.Refused<TResult>(invalid);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return Outcome.Done(await _handler.HandleAsync(request, cancellationToken));
            }
            catch (Exception ex) when (Retryable(request, ex, attempt) is { } collision)
            {
                _db.Forget();
                _logger.LogWarning(
                    "{UseCase} collided ({Collision} on {Constraint}) on attempt {Attempt}; running it again.",
                    typeof(TRequest).Name,
                    collision.Kind,
                    collision.Constraint ?? "-",
                    attempt);
            }
            catch (NotFoundException)
            {
                _db.Forget();
                return Outcome.NotFound<TResult>();
            }
            catch (RefusedException ex)
            {
                _db.Forget();
                return Outcome.Refused<TResult>(ex.Problems);
            }
            catch (RulesViolatedException ex)
            {
                _db.Forget();
                return Outcome.Refused<TResult>([.. ex.Violations.Select(v => Problem.For(v.Field, v.Message))]);
            }
            catch (DomainException ex)
            {
                _db.Forget();
                return Outcome.Refused<TResult>([Problem.General(ex.Message)]);
            }
            catch (StaleEditException ex)
            {
                _db.Forget();
                return Outcome.StaleEdit<TResult>(await ChangeHistory.LastChangeAsync(_db, ex.EntityType, ex.EntityId, cancellationToken));
            }
            catch (DbUpdateConcurrencyException ex)
            {
                var entry = ex.Entries.FirstOrDefault(e => e.Entity is AggregateRoot);
                var type = entry?.Metadata.ClrType.Name ?? "record";
                var id = (entry?.Entity as AggregateRoot)?.Id ?? Guid.Empty;
                _db.Forget();
                return Outcome.StaleEdit<TResult>(await ChangeHistory.LastChangeAsync(_db, type, id, cancellationToken));
            }
        }
    }

    private async Task<IReadOnlyList<Problem>> ValidateAsync(TRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            problems.AddRange(result.Errors.Select(e => Problem.For(e.PropertyName, e.ErrorMessage)));
        }

        return problems;
    }

    private Collision? Retryable(TRequest request, Exception exception, int attempt) =>
        attempt < IRetryOnCollision.MaximumAttempts
        && request is IRetryOnCollision retry
        && _collisions.Detect(exception) is { } collision
        && retry.MayRetryAfter(collision)
            ? collision
            : null;
}
