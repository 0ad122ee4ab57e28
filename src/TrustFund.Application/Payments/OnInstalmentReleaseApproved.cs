using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Payments;

/// <summary>A finance officer's approval of a release is audited.</summary>
internal sealed class OnInstalmentReleaseApproved : IDomainEventHandler<InstalmentReleaseApproved>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public OnInstalmentReleaseApproved(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
    }

    public async Task HandleAsync(InstalmentReleaseApproved domainEvent, CancellationToken cancellationToken)
    {
        var (number, _) = await GrantLabel.OfAsync(_db, domainEvent.GrantId, cancellationToken);
        _audit.Record(
            AuditActions.InstalmentReleaseApproved,
            $"{_actor.Name ?? "system"} approved the release of instalment {domainEvent.Number} of grant {number}",
            nameof(Grant),
            domainEvent.GrantId.ToString());
    }
}
