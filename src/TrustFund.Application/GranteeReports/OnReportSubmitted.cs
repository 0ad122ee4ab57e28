using System.Globalization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.GranteeReports.Events;

namespace TrustFund.Application.GranteeReports;

/// <summary>A submitted report is audited (with whether flagged text was attested) and the fund managers are told, in the same transaction.</summary>
internal sealed class OnReportSubmitted : IDomainEventHandler<ReportSubmitted>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnReportSubmitted(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(ReportSubmitted domainEvent, CancellationToken cancellationToken)
    {
        var grant = await ReportNotices.GrantAsync(_db, domainEvent.GrantId, cancellationToken);
        var name = GrantReports.Name(domainEvent.Kind, domainEvent.Sequence);
        var attested = domainEvent.PersonalDataAttested ? "; text flagged as possible personal data attested as not about a victim" : string.Empty;
        _audit.Record(
            domainEvent.SubmissionNumber == 1 ? AuditActions.ReportSubmitted : AuditActions.ReportResubmitted,
            string.Create(CultureInfo.InvariantCulture, $"{name} of grant {grant.Number} submitted by {grant.OrganisationName} (version {domainEvent.SubmissionNumber}){attested}"),
            nameof(GranteeReport),
            domainEvent.ReportId.ToString("D", CultureInfo.InvariantCulture));
        _mail.Send(ReportEmails.Submitted, await ReportNotices.FundManagersAsync(_db, cancellationToken), grant.Number, GrantReports.NameText(domainEvent.Kind, domainEvent.Sequence), grant.OrganisationName, domainEvent.SubmissionNumber);
    }
}
