using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Reviews;
using TrustFund.Domain.Reviews.Events;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Keeps an application's review status in step with its assignments, in the same transaction: it
/// becomes Reviewed when its reviews are complete and goes back under review when a review is
/// reopened or a reviewer steps aside before enough reviews are in. The first submitted review of a
/// call locks the call's rubric (and with it the scale), so every review of the call is scored alike.
/// </summary>
internal sealed class OnReviewProgress :
    IDomainEventHandler<ReviewSubmitted>,
    IDomainEventHandler<ReviewReopened>,
    IDomainEventHandler<AssignmentRemoved>,
    IDomainEventHandler<ConflictDeclared>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public OnReviewProgress(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task HandleAsync(ReviewSubmitted domainEvent, CancellationToken cancellationToken)
    {
        var call = await SettleAsync(domainEvent.ApplicationId, domainEvent.CallId, cancellationToken);
        call.LockRubric(_clock.GetUtcNow().UtcDateTime);
    }

    public Task HandleAsync(ReviewReopened domainEvent, CancellationToken cancellationToken) =>
        SettleAsync(domainEvent.ApplicationId, domainEvent.CallId, cancellationToken);

    public Task HandleAsync(AssignmentRemoved domainEvent, CancellationToken cancellationToken) =>
        SettleAsync(domainEvent.ApplicationId, domainEvent.CallId, cancellationToken);

    public Task HandleAsync(ConflictDeclared domainEvent, CancellationToken cancellationToken) =>
        SettleAsync(domainEvent.ApplicationId, domainEvent.CallId, cancellationToken);

    private async Task<Domain.Calls.Call> SettleAsync(Guid applicationId, Guid callId, CancellationToken cancellationToken)
    {
        var call = _db.Calls.Local.FirstOrDefault(c => c.Id == callId)
            ?? await _db.Calls.SingleAsync(c => c.Id == callId, cancellationToken);
        var application = _db.Applications.Local.FirstOrDefault(a => a.Id == applicationId)
            ?? await _db.Applications.SingleAsync(a => a.Id == applicationId, cancellationToken);

        // Tracked rows keep their unsaved state; added ones are only in Local.
        await _db.ReviewAssignments.Where(a => a.ApplicationId == applicationId).LoadAsync(cancellationToken);
        var assignments = _db.ReviewAssignments.Local.Where(a => a.ApplicationId == applicationId).ToList();
        ReviewProgress.Settle(application, assignments, call.Terms.ReviewersPerApplication);
        return call;
    }
}
