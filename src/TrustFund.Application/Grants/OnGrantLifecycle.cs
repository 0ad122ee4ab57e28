using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Grants;

/// <summary>
/// The grant's agreement, status and amendments are audited on the grant and told to the grantee's
/// active members by email, in the transaction of the change. An approved no-cost extension also moves
/// the final report's due date (while it is not yet submitted) to the same distance after the new end.
/// </summary>
internal sealed class OnGrantLifecycle :
    IDomainEventHandler<GrantCreated>,
    IDomainEventHandler<GrantActivated>,
    IDomainEventHandler<GrantSuspended>,
    IDomainEventHandler<GrantResumed>,
    IDomainEventHandler<GrantClosingStarted>,
    IDomainEventHandler<GrantClosed>,
    IDomainEventHandler<AmendmentRequested>,
    IDomainEventHandler<AmendmentDecided>
{
    /// <summary>0 grant number, 1 start date, 2 end date.</summary>
    public static readonly EmailTemplate Activated = new(
        "Grant {0} is active",
        "Hello,\n\nThe grant agreement {0} is now signed by both parties: the grant is active, from {1} to {2}. Its instalments will be paid as their conditions are met.\n\nTrustFund");

    /// <summary>0 grant number, 1 reason.</summary>
    public static readonly EmailTemplate Suspended = new(
        "Grant {0} is suspended",
        "Hello,\n\nThe Secretariat has suspended grant {0}. No instalment will be released or paid until it is resumed.\n\nReason: {1}\n\nTrustFund");

    /// <summary>0 grant number, 1 reason.</summary>
    public static readonly EmailTemplate Resumed = new(
        "Grant {0} is resumed",
        "Hello,\n\nThe Secretariat has resumed grant {0}.\n\nReason: {1}\n\nTrustFund");

    /// <summary>0 grant number, 1 amendment number, 2 its kind, 3 "approved" or "refused", 4 the note (may be empty).</summary>
    public static readonly EmailTemplate AmendmentDecision = new(
        "Amendment {1} of grant {0}: {3}",
        "Hello,\n\nAmendment {1} of grant {0} ({2}) has been {3}.\n{4}\nTrustFund");

    /// <summary>0 grant number, 1 amendment number, 2 its kind, 3 the reason.</summary>
    public static readonly EmailTemplate AmendmentProposed = new(
        "Amendment {1} proposed on grant {0}",
        "Hello,\n\nThe Secretariat proposes amendment {1} of grant {0} ({2}).\n\nReason: {3}\n\nTrustFund");

    /// <summary>0 grant number.</summary>
    public static readonly EmailTemplate Closed = new(
        "Grant {0} is closed",
        "Hello,\n\nGrant {0} is closed: its reports are accepted and its payments settled. Thank you for your work.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnGrantLifecycle(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public Task HandleAsync(GrantCreated domainEvent, CancellationToken cancellationToken)
    {
        Audit(AuditActions.GrantCreated, domainEvent.GrantId, string.Create(CultureInfo.InvariantCulture, $"Grant {domainEvent.Number} created for {domainEvent.Amount}, awaiting both signatures"));
        return Task.CompletedTask;
    }

    public async Task HandleAsync(GrantActivated domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        Audit(AuditActions.GrantActivated, grant.Id, string.Create(CultureInfo.InvariantCulture, $"Grant {grant.Number} active: signed by the fund on {domainEvent.FundSignedOn:yyyy-MM-dd} and by the organisation on {domainEvent.OrganisationSignedOn:yyyy-MM-dd}"));
        _mail.Send(Activated, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, grant.StartDate, grant.EndDate);
    }

    public async Task HandleAsync(GrantSuspended domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        Audit(AuditActions.GrantSuspended, grant.Id, $"Grant {grant.Number} suspended: {domainEvent.Reason}");
        _mail.Send(Suspended, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, domainEvent.Reason);
    }

    public async Task HandleAsync(GrantResumed domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        Audit(AuditActions.GrantResumed, grant.Id, $"Grant {grant.Number} resumed: {domainEvent.Reason}");
        _mail.Send(Resumed, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, domainEvent.Reason);
    }

    public async Task HandleAsync(GrantClosingStarted domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        Audit(AuditActions.GrantClosingStarted, grant.Id, $"Grant {grant.Number} entered closure");
    }

    public async Task HandleAsync(GrantClosed domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        Audit(AuditActions.GrantClosed, grant.Id, string.Create(CultureInfo.InvariantCulture, $"Grant {grant.Number} closed; net paid {domainEvent.NetPaid}"));
        _mail.Send(Closed, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number);
    }

    public async Task HandleAsync(AmendmentRequested domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        var amendment = grant.Amendments.Single(a => a.Id == domainEvent.AmendmentId);
        Audit(AuditActions.GrantAmendmentRequested, grant.Id, string.Create(CultureInfo.InvariantCulture, $"Amendment {amendment.Number} of grant {grant.Number} ({Kind(amendment.Kind)}) requested by the {(amendment.RequestedBySide == RequestingSide.Grantee ? "grantee" : "fund manager")}: {amendment.Reason}"));
        if (amendment.RequestedBySide == RequestingSide.FundManager)
        {
            _mail.Send(AmendmentProposed, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, amendment.Number, new EmailText(Kind(amendment.Kind)), amendment.Reason);
        }
    }

    public async Task HandleAsync(AmendmentDecided domainEvent, CancellationToken cancellationToken)
    {
        var grant = await GrantAsync(domainEvent.GrantId, cancellationToken);
        var amendment = grant.Amendments.Single(a => a.Id == domainEvent.AmendmentId);
        var verdict = domainEvent.Approved ? "approved" : "refused";
        var increase = amendment.ApprovedIncrease is { } raised ? string.Create(CultureInfo.InvariantCulture, $", raising the grant by {raised}") : string.Empty;
        Audit(
            domainEvent.Approved ? AuditActions.GrantAmendmentApproved : AuditActions.GrantAmendmentRefused,
            grant.Id,
            $"Amendment {amendment.Number} of grant {grant.Number} ({Kind(amendment.Kind)}) {verdict}{increase}{(amendment.DecisionNote is { } note ? ": " + note : string.Empty)}");
        object noteLine = amendment.DecisionNote is { } text ? new EmailText("\nNote: {0}\n", text) : string.Empty;
        var said = new EmailText(domainEvent.Approved ? "amendment|approved" : "amendment|refused");
        _mail.Send(AmendmentDecision, await Recipients.OfOrganisationAsync(_db, grant.OrganisationId, cancellationToken), grant.Number, amendment.Number, new EmailText(Kind(amendment.Kind)), said, noteLine);
        if (domainEvent.Approved && amendment.Kind == AmendmentKind.NoCostExtension)
        {
            await MoveFinalReportAsync(grant, cancellationToken);
        }
    }

    private static string Kind(AmendmentKind kind) => kind == AmendmentKind.NoCostExtension ? "no-cost extension" : "budget revision";

    private async Task MoveFinalReportAsync(Grant grant, CancellationToken cancellationToken)
    {
        var terms = await _db.Calls.AsNoTracking().Where(c => c.Id == grant.CallId).Select(c => c.Terms).SingleAsync(cancellationToken);
        var finals = await _db.GranteeReports.Where(r => r.GrantId == grant.Id && r.Kind == ReportKind.Final && r.Status == ReportStatus.Due).ToListAsync(cancellationToken);
        foreach (var report in finals)
        {
            report.Reschedule(grant.EndDate.AddDays(terms.Reporting.FinalDaysAfterEnd));
        }
    }

    private async Task<Grant> GrantAsync(Guid grantId, CancellationToken cancellationToken) =>
        _db.Grants.Local.FirstOrDefault(g => g.Id == grantId)
            ?? await _db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId, cancellationToken);

    private void Audit(string action, Guid grantId, string summary) =>
        _audit.Record(action, summary, nameof(Grant), grantId.ToString("D", CultureInfo.InvariantCulture));
}
