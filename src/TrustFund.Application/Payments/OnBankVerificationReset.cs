using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Payments;

/// <summary>A grant's bank verification cleared by a change of the organisation's bank details is audited.</summary>
internal sealed class OnBankVerificationReset : IDomainEventHandler<BankVerificationReset>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;

    public OnBankVerificationReset(ITrustFundDb db, IAuditTrail audit)
    {
        _db = db;
        _audit = audit;
    }

    public async Task HandleAsync(BankVerificationReset domainEvent, CancellationToken cancellationToken)
    {
        var (number, _) = await GrantLabel.OfAsync(_db, domainEvent.GrantId, cancellationToken);
        _audit.Record(
            AuditActions.GrantBankVerificationReset,
            $"The organisation's bank details changed after the last payment of grant {number}: they must be verified again before its next payment",
            nameof(Grant),
            domainEvent.GrantId.ToString());
    }
}
