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
    private readonly IDatabaseOutages _outages;
    private readonly ILogger<UseCasePipeline<TRequest, TResult>> _logger;

    public UseCasePipeline(
        IUseCaseHandler<TRequest, TResult> handler,
        IEnumerable<IValidator<TRequest>> validators,
        ITrustFundDb db,
        ICollisionDetector collisions,
        IDatabaseOutages outages,
        ILogger<UseCasePipeline<TRequest, TResult>> logger)
    {
        _outages = outages;
        _handler = handler;
        _validators = validators;
        _db = db;
        _collisions = collisions;
        _logger = logger;
    }

    /// <summary>Attempts of a use case while the database is unreachable: waits of 0.5, 1, 2 and 4 s between them.</summary>
    internal const int OutageAttempts = 5;

    internal const string DatabaseUnavailable = "The database cannot be reached at the moment, so nothing was saved. Try again in a minute.";

    internal const string CommitOutcomeUnknown = "The connection to the database was lost while your change was being saved, so it may or may not have been saved. Reload the page to see whether it was before trying again.";

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
            catch (CommitOutcomeUnknownException ex)
            {
                _db.Forget();
                _logger.LogError(ex, "{UseCase}: the database connection was lost during the commit; the outcome is unknown and the use case is not run again.", typeof(TRequest).Name);
                return Outcome.Refused<TResult>([Problem.General(CommitOutcomeUnknown)]);
            }
            catch (Exception ex) when (_outages.Recognise(ex))
            {
                // Nothing was committed (a lost commit is the case above): the whole use case runs again
                // on a fresh connection, with what it had loaded forgotten.
                _db.Forget();
                if (attempt >= OutageAttempts)
                {
                    _logger.LogError(ex, "{UseCase}: the database could not be reached in {Attempts} attempts; refused.", typeof(TRequest).Name, attempt);
                    return Outcome.Refused<TResult>([Problem.General(DatabaseUnavailable)]);
                }

                _logger.LogWarning("{UseCase}: the database could not be reached ({Reason}) on attempt {Attempt}; running it again.", typeof(TRequest).Name, ex.GetBaseException().Message, attempt);
                await Task.Delay(OutageBackoff(attempt), cancellationToken);
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
                return Outcome.Refused<TResult>([.. ex.Violations.Select(v => Problem.For(v.Field, v.Text))]);
            }
            catch (DomainException ex)
            {
                _db.Forget();
                return Outcome.Refused<TResult>([Problem.General(ex.Text)]);
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

    private static TimeSpan OutageBackoff(int attempt) => TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt - 1));

    private async Task<IReadOnlyList<Problem>> ValidateAsync(TRequest request, CancellationToken cancellationToken)
    {
        var problems = new List<Problem>();
        foreach (var validator in _validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken);
            problems.AddRange(result.Errors.Select(e => e.CustomState is LocalText text ? Problem.For(e.PropertyName, text) : Problem.For(e.PropertyName, e.ErrorMessage)));
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
