using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Decisions.Events;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A Board decision is audited on its call (with the ranking it departed from and why) and told to
/// every active member of the organisation by email; released feedback is audited and sent the same
/// way. All in the transaction of the change.
/// </summary>
internal sealed class OnBoardDecision : IDomainEventHandler<BoardDecisionRecorded>, IDomainEventHandler<DecisionFeedbackReleased>
{
    /// <summary>0 reference, 1 project title, 2 session, 3 amount, 4 conditions (may be empty), 5 grant number.</summary>
    public static readonly EmailTemplate Approved = new(
        "Application {0} is approved",
        "Hello,\n\nThe Board of Trustees approved your application {0} ({1}) at its {2}, for {3}.\n{4}\nYour grant is {5}. The Secretariat will send you the grant agreement to sign; you can follow the grant under \"My grants\".\n\nTrustFund");

    /// <summary>0 reference, 1 project title, 2 session.</summary>
    public static readonly EmailTemplate ReserveList = new(
        "Application {0} is on the reserve list",
        "Hello,\n\nThe Board of Trustees placed your application {0} ({1}) on the reserve list at its {2}. It may still be funded later, if funds remain; we will write to you if it is.\n\nTrustFund");

    /// <summary>0 reference, 1 project title, 2 session.</summary>
    public static readonly EmailTemplate NotApproved = new(
        "Application {0} is not approved",
        "Hello,\n\nThe Board of Trustees did not approve your application {0} ({1}) at its {2}. We thank you for your proposal.\n\nTrustFund");

    /// <summary>0 reference, 1 project title, 2 session.</summary>
    public static readonly EmailTemplate Deferred = new(
        "Decision on application {0} deferred",
        "Hello,\n\nThe Board of Trustees deferred its decision on your application {0} ({1}) at its {2}: it will decide at a later session. We will write to you then.\n\nTrustFund");

    /// <summary>0 reference, 1 project title, 2 the feedback.</summary>
    public static readonly EmailTemplate Feedback = new(
        "Feedback on application {0}",
        "Hello,\n\nThe Secretariat shares the following feedback on the Board's decision on your application {0} ({1}):\n\n{2}\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnBoardDecision(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(BoardDecisionRecorded domainEvent, CancellationToken cancellationToken)
    {
        var session = _db.BoardSessions.Local.Single(s => s.Id == domainEvent.SessionId);
        var decision = session.Decisions.Single(d => d.Id == domainEvent.DecisionId);
        var application = _db.Applications.Local.FirstOrDefault(a => a.Id == domainEvent.ApplicationId)
            ?? await _db.Applications.AsNoTracking().SingleAsync(a => a.Id == domainEvent.ApplicationId, cancellationToken);
        var call = await _db.Calls.AsNoTracking().Where(c => c.Id == domainEvent.CallId).Select(c => c.Code).SingleAsync(cancellationToken);
        _audit.Record(AuditActions.BoardDecisionRecorded, Summary(session, decision, call), nameof(Call), domainEvent.CallId.ToString("D", CultureInfo.InvariantCulture));

        var recipients = await Recipients.OfOrganisationAsync(_db, application.OrganisationId, cancellationToken);
        var label = decision.ApplicationLabel;
        switch (decision.Outcome)
        {
            case DecisionOutcome.Approved:
                var grant = _db.Grants.Local.FirstOrDefault(g => g.ApplicationId == application.Id);
                object conditions = decision.Conditions is { } text ? new EmailText("\nConditions: {0}\n", text) : string.Empty;
                _mail.Send(Approved, recipients, label, application.Title, session.Number, decision.Amount!.Value, conditions, grant?.Number ?? "-");
                break;
            case DecisionOutcome.ReserveList:
                _mail.Send(ReserveList, recipients, label, application.Title, session.Number);
                break;
            case DecisionOutcome.NotApproved:
                _mail.Send(NotApproved, recipients, label, application.Title, session.Number);
                break;
            case DecisionOutcome.Deferred:
                _mail.Send(Deferred, recipients, label, application.Title, session.Number);
                break;
        }
    }

    public async Task HandleAsync(DecisionFeedbackReleased domainEvent, CancellationToken cancellationToken)
    {
        var session = _db.BoardSessions.Local.Single(s => s.Id == domainEvent.SessionId);
        var decision = session.Decisions.Single(d => d.Id == domainEvent.DecisionId);
        var application = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == domainEvent.ApplicationId)
            .Select(a => new { a.OrganisationId, a.Title })
            .SingleAsync(cancellationToken);
        _audit.Record(
            AuditActions.DecisionFeedbackReleased,
            $"Feedback on the decision on {decision.ApplicationLabel} ({session.Number}) released to the applicant",
            nameof(Call),
            session.CallId.ToString("D", CultureInfo.InvariantCulture));
        var recipients = await Recipients.OfOrganisationAsync(_db, application.OrganisationId, cancellationToken);
        _mail.Send(Feedback, recipients, decision.ApplicationLabel, application.Title, domainEvent.Feedback);
    }

    private static string Summary(BoardSession session, BoardDecision decision, string callCode)
    {
        var what = decision.Outcome switch
        {
            DecisionOutcome.Approved => string.Create(CultureInfo.InvariantCulture, $"approved for {decision.Amount}"),
            DecisionOutcome.ReserveList => "placed on the reserve list",
            DecisionOutcome.NotApproved => "not approved",
            DecisionOutcome.Deferred => "deferred",
        };
        var summary = $"{session.Number} ({callCode}): {decision.ApplicationLabel} {what}";
        if (decision.Conditions is { } conditions)
        {
            summary += $"; conditions: {conditions}";
        }

        if (decision.DepartsFromRanking)
        {
            summary += $"; DEPARTS FROM THE RANKING, passing over {DecisionPolicy.DescribeDeparture(decision.PassedOver)}; justification: {decision.Justification}";
        }

        return summary;
    }
}
