using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;

namespace TrustFund.Application.Screenings;

/// <summary>A screening outcome is audited and emailed to every active member of the organisation, in the same transaction.</summary>
internal sealed class OnScreeningDecided : IDomainEventHandler<ScreeningDecided>
{
    /// <summary>Passed: 0 reference (or title), 1 project title.</summary>
    public static readonly EmailTemplate Eligible = new(
        "Application {0} is eligible",
        "Hello,\n\nYour application {0} ({1}) has passed the eligibility screening. It now goes to technical assessment; we will write again when the Board has decided.\n\nTrustFund");

    /// <summary>Not passed: 0 reference (or title), 1 project title, 2 reason.</summary>
    public static readonly EmailTemplate Ineligible = new(
        "Application {0} is not eligible",
        "Hello,\n\nYour application {0} ({1}) did not pass the eligibility screening.\n\nReason: {2}\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnScreeningDecided(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(ScreeningDecided domainEvent, CancellationToken cancellationToken)
    {
        var application = _db.Applications.Local.FirstOrDefault(a => a.Id == domainEvent.ApplicationId)
            ?? await _db.Applications.AsNoTracking().SingleAsync(a => a.Id == domainEvent.ApplicationId, cancellationToken);
        var label = application.Reference ?? application.Title;
        var id = domainEvent.ApplicationId.ToString("D", CultureInfo.InvariantCulture);
        var recipients = await Recipients.OfOrganisationAsync(_db, domainEvent.OrganisationId, cancellationToken);
        if (domainEvent.Outcome == ScreeningOutcome.Eligible)
        {
            _audit.Record(AuditActions.ScreenedEligible, $"{label} screened eligible", nameof(GrantApplication), id);
            _mail.Send(Eligible, recipients, label, application.Title);
        }
        else
        {
            _audit.Record(AuditActions.ScreenedIneligible, $"{label} screened ineligible: {domainEvent.Reason}", nameof(GrantApplication), id);
            _mail.Send(Ineligible, recipients, label, application.Title, domainEvent.Reason);
        }
    }
}
