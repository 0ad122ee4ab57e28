using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Payments;

/// <summary>
/// Every ledger entry is audited (its kind, amount and reference); a payment is also told to the
/// organisation's members by email.
/// </summary>
internal sealed class OnLedgerEntryRecorded : IDomainEventHandler<LedgerEntryRecorded>
{
    /// <summary>0 recipient, 1 amount, 2 instalment number, 3 grant number, 4 date paid, 5 reference.</summary>
    public static readonly EmailTemplate PaymentNotice = new(
        "Payment of instalment {2} of grant {3}",
        "Dear {0},\n\nThe fund has recorded the payment of {1} for instalment {2} of grant {3}, sent on {4} with the reference {5}.\n\nYou can see the grant's payments and balance in TrustFund.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly Mail _mail;

    public OnLedgerEntryRecorded(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor, Mail mail)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
        _mail = mail;
    }

    public async Task HandleAsync(LedgerEntryRecorded domainEvent, CancellationToken cancellationToken)
    {
        var (number, organisationId) = await GrantLabel.OfAsync(_db, domainEvent.GrantId, cancellationToken);
        var grant = _db.Grants.Local.FirstOrDefault(g => g.Id == domainEvent.GrantId);
        var entry = grant?.Ledger.FirstOrDefault(e => e.Id == domainEvent.EntryId);
        var instalment = domainEvent.InstalmentId is { } id ? grant?.Instalments.FirstOrDefault(i => i.Id == id) : null;
        var by = _actor.Name ?? "system";
        var amount = entry?.Amount.ToString(CultureInfo.InvariantCulture) ?? Money.Usd(Math.Abs(domainEvent.SignedAmount)).ToString(CultureInfo.InvariantCulture);
        var reference = domainEvent.Reference is null ? string.Empty : $", reference {domainEvent.Reference}";
        var (action, summary) = domainEvent.Kind switch
        {
            LedgerEntryKind.Payment => (AuditActions.PaymentRecorded, $"{by} recorded the payment of {amount} for instalment {instalment?.Number} of grant {number}{reference}"),
            LedgerEntryKind.Refund => (AuditActions.RefundRecorded, $"{by} recorded a refund of {amount} on grant {number}{reference}"),
            LedgerEntryKind.Correction => (AuditActions.CorrectionRecorded, $"{by} recorded a correction of {domainEvent.SignedAmount.ToString("+#,##0.00;-#,##0.00", CultureInfo.InvariantCulture)} USD on grant {number}{reference}: {entry?.Note}"),
            _ => (AuditActions.WriteOffRecorded, $"{by} wrote off {amount} on grant {number}: {entry?.Note}"),
        };
        _audit.Record(action, summary, nameof(Grant), domainEvent.GrantId.ToString());

        if (domainEvent.Kind == LedgerEntryKind.Payment && entry is not null)
        {
            foreach (var member in await Recipients.OfOrganisationAsync(_db, organisationId, cancellationToken))
            {
                _mail.Send(PaymentNotice, member, member.Name, entry.Amount, instalment?.Number, number, entry.ValueDate, entry.Reference);
            }
        }
    }
}
