using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;

namespace TrustFund.Application.Applications;

/// <summary>A request for more information is audited and emailed to every active member of the organisation, in the same transaction.</summary>
internal sealed class OnInformationRequestSent : IDomainEventHandler<InformationRequestSent>
{
    /// <summary>The email to the organisation: 0 reference (or title), 1 project title, 2 organisation, 3 the request.</summary>
    public static readonly EmailTemplate Request = new(
        "More information needed on application {0}",
        "Hello,\n\nThe fund's Secretariat needs more information about your application {0} ({1}) from {2}:\n\n{3}\n\nSign in to TrustFund, update the application and submit it again.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnInformationRequestSent(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(InformationRequestSent domainEvent, CancellationToken cancellationToken)
    {
        var application = _db.Applications.Local.FirstOrDefault(a => a.Id == domainEvent.ApplicationId)
            ?? await _db.Applications.AsNoTracking().SingleAsync(a => a.Id == domainEvent.ApplicationId, cancellationToken);
        var label = application.Reference ?? application.Title;
        _audit.Record(
            AuditActions.ApplicationInformationRequested,
            $"More information requested on {label}: {domainEvent.Message}",
            nameof(GrantApplication),
            domainEvent.ApplicationId.ToString("D", CultureInfo.InvariantCulture));
        var organisation = await _db.Organisations.AsNoTracking().Where(o => o.Id == domainEvent.OrganisationId).Select(o => o.LegalName).SingleAsync(cancellationToken);
        _mail.Send(Request, await Recipients.OfOrganisationAsync(_db, domainEvent.OrganisationId, cancellationToken), label, application.Title, organisation, domainEvent.Message);
    }
}
