using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.GranteeReports.Events;

namespace TrustFund.Application.GranteeReports;

/// <summary>A request for revision is audited and emailed, with its comment, to every active member of the grantee organisation.</summary>
internal sealed class OnReportRevisionRequested : IDomainEventHandler<ReportRevisionRequested>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnReportRevisionRequested(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(ReportRevisionRequested domainEvent, CancellationToken cancellationToken)
    {
        var grant = await ReportNotices.GrantAsync(_db, domainEvent.GrantId, cancellationToken);
        var name = GrantReports.Name(domainEvent.Kind, domainEvent.Sequence);
        var by = domainEvent.ResubmitBy is { } day ? day.ToString("d MMMM yyyy", CultureInfo.InvariantCulture) : "no date set";
        _audit.Record(
            AuditActions.ReportRevisionRequested,
            $"Revision of the {name} of grant {grant.Number} requested (resubmit by: {by}): {domainEvent.Comment}",
            nameof(GranteeReport),
            domainEvent.ReportId.ToString("D", CultureInfo.InvariantCulture));
        _mail.Send(ReportEmails.RevisionRequested, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, GrantReports.NameText(domainEvent.Kind, domainEvent.Sequence), domainEvent.Comment, domainEvent.ResubmitBy is { } resubmitBy ? (object)resubmitBy : new EmailText("no date set"));
    }
}
