using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Applications.Events;

namespace TrustFund.Application.Applications;

/// <summary>A submission is audited and the person who submitted it receives a receipt, in the same transaction.</summary>
internal sealed class OnApplicationSubmitted : IDomainEventHandler<ApplicationSubmitted>
{
    /// <summary>The receipt: 0 name, 1 call title, 2 call code, 3 reference, 4 project title, 5 version, 6 received at.</summary>
    public static readonly EmailTemplate Receipt = new(
        "Application {3} received",
        "Dear {0},\n\nWe have received your application to the call {1} ({2}).\n\nReference: {3}\nProject: {4}\nVersion: {5}\nReceived: {6}\n\nQuote the reference in any message about this application. You can see its status under My applications.");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly ICurrentActor _actor;

    public OnApplicationSubmitted(ITrustFundDb db, IAuditTrail audit, Mail mail, ICurrentActor actor)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
        _actor = actor;
    }

    public async Task HandleAsync(ApplicationSubmitted domainEvent, CancellationToken cancellationToken)
    {
        var submitter = await _db.Users.AsNoTracking().Where(u => u.Id == _actor.UserId).Select(u => new { u.Email, u.DisplayName, u.PreferredCulture }).SingleOrDefaultAsync(cancellationToken);
        _audit.Record(
            domainEvent.Resubmission ? AuditActions.ApplicationResubmitted : AuditActions.ApplicationSubmitted,
            string.Create(CultureInfo.InvariantCulture, $"Application {domainEvent.Reference} {(domainEvent.Resubmission ? "resubmitted" : "submitted")} as version {domainEvent.VersionNumber} by {submitter?.Email ?? domainEvent.SubmittedBy}"),
            nameof(GrantApplication),
            domainEvent.ApplicationId.ToString("D", CultureInfo.InvariantCulture));
        if (submitter?.Email is null)
        {
            return;
        }

        var call = await _db.Calls.AsNoTracking().Where(c => c.Id == domainEvent.CallId).Select(c => new { c.Title, c.Code, c.Terms }).SingleAsync(cancellationToken);
        var application = _db.Applications.Local.Single(a => a.Id == domainEvent.ApplicationId);
        _mail.Send(
            Receipt,
            new EmailRecipient(submitter.Email, submitter.DisplayName, submitter.PreferredCulture),
            string.IsNullOrWhiteSpace(submitter.DisplayName) ? submitter.Email : submitter.DisplayName,
            call.Title,
            call.Code,
            domainEvent.Reference,
            application.Title,
            domainEvent.VersionNumber,
            new ZonedInstant(application.SubmittedAtUtc!.Value, call.Terms.TimeZoneId));
    }
}
