using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications.Events;
using TrustFund.Domain.Reviews.Events;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Renews the call's review stamp whenever a change alters its ranking, in the change's own
/// transaction (see <see cref="CallReviewStamp"/>). The stamp row is added by the first such change of
/// a call; two first changes of the same call committed at the same instant would collide on its key,
/// and the later one is refused like any other write collision (so rare, a call's first screening,
/// that it is left so rather than retried).
/// </summary>
internal sealed class OnRankingChanged :
    IDomainEventHandler<ScreeningDecided>,
    IDomainEventHandler<ApplicationWithdrawn>,
    IDomainEventHandler<ReviewerAssigned>,
    IDomainEventHandler<ConflictDeclared>,
    IDomainEventHandler<ReviewSubmitted>,
    IDomainEventHandler<ReviewReopened>,
    IDomainEventHandler<AssignmentRemoved>
{
    private readonly ITrustFundDb _db;

    public OnRankingChanged(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task HandleAsync(ScreeningDecided domainEvent, CancellationToken cancellationToken) =>
        await RenewAsync(await CallOfAsync(domainEvent.ApplicationId, cancellationToken), cancellationToken);

    public async Task HandleAsync(ApplicationWithdrawn domainEvent, CancellationToken cancellationToken) =>
        await RenewAsync(await CallOfAsync(domainEvent.ApplicationId, cancellationToken), cancellationToken);

    public Task HandleAsync(ReviewerAssigned domainEvent, CancellationToken cancellationToken) => RenewAsync(domainEvent.CallId, cancellationToken);

    public Task HandleAsync(ConflictDeclared domainEvent, CancellationToken cancellationToken) => RenewAsync(domainEvent.CallId, cancellationToken);

    public Task HandleAsync(ReviewSubmitted domainEvent, CancellationToken cancellationToken) => RenewAsync(domainEvent.CallId, cancellationToken);

    public Task HandleAsync(ReviewReopened domainEvent, CancellationToken cancellationToken) => RenewAsync(domainEvent.CallId, cancellationToken);

    public Task HandleAsync(AssignmentRemoved domainEvent, CancellationToken cancellationToken) => RenewAsync(domainEvent.CallId, cancellationToken);

    private async Task<Guid> CallOfAsync(Guid applicationId, CancellationToken cancellationToken) =>
        _db.Applications.Local.FirstOrDefault(a => a.Id == applicationId)?.CallId
            ?? await _db.Applications.Where(a => a.Id == applicationId).Select(a => a.CallId).SingleAsync(cancellationToken);

    private async Task RenewAsync(Guid callId, CancellationToken cancellationToken)
    {
        var stamp = _db.CallReviewStamps.Local.FirstOrDefault(s => s.CallId == callId)
            ?? await _db.CallReviewStamps.SingleOrDefaultAsync(s => s.CallId == callId, cancellationToken);
        if (stamp is null)
        {
            _db.CallReviewStamps.Add(CallReviewStamp.For(callId));
        }
        else
        {
            stamp.Renew();
        }
    }
}
