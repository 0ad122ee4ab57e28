using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.GranteeReports.Events;

namespace TrustFund.Application.GranteeReports;

/// <summary>An accepted report is audited and the grantee organisation is told, in the same transaction.</summary>
internal sealed class OnReportAccepted : IDomainEventHandler<ReportAccepted>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnReportAccepted(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(ReportAccepted domainEvent, CancellationToken cancellationToken)
    {
        var grant = await ReportNotices.GrantAsync(_db, domainEvent.GrantId, cancellationToken);
        var name = GrantReports.Name(domainEvent.Kind, domainEvent.Sequence);
        _audit.Record(
            AuditActions.ReportAccepted,
            $"{name} of grant {grant.Number} accepted",
            nameof(GranteeReport),
            domainEvent.ReportId.ToString("D", CultureInfo.InvariantCulture));
        _mail.Send(ReportEmails.Accepted, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, GrantReports.NameText(domainEvent.Kind, domainEvent.Sequence));
    }
}
