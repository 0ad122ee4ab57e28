using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;

namespace TrustFund.Application.Applications;

/// <summary>A withdrawal is audited with who withdrew and why, in the same transaction.</summary>
internal sealed class OnApplicationWithdrawn : IDomainEventHandler<ApplicationWithdrawn>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;

    public OnApplicationWithdrawn(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
    }

    public async Task HandleAsync(ApplicationWithdrawn domainEvent, CancellationToken cancellationToken)
    {
        var email = await Applicants.EmailOfAsync(_db, _actor, cancellationToken);
        _audit.Record(
            AuditActions.ApplicationWithdrawn,
            $"Application {domainEvent.Reference ?? "(draft)"} withdrawn by {email}: {domainEvent.Reason}",
            nameof(GrantApplication),
            domainEvent.ApplicationId.ToString("D", CultureInfo.InvariantCulture));
    }
}
