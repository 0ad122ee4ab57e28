using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// Emails every grantee organisation whose reports are overdue (due and not submitted after the due
/// day, or sent back and not resubmitted after the day set, in the call's time zone) and were not
/// reminded in the last <see cref="Interval"/>: one email per organisation member, listing them. Each
/// reminder is audited per report, in one transaction with the outbox; the audit entries are what
/// "reminded lately" is read from. Run by a daily background job and by a fund manager's button;
/// running it twice the same day reminds nobody twice.
/// </summary>
public sealed record SendReportReminders : IUseCase<ReportRemindersSent>
{
    /// <summary>How long after a reminder an overdue report is reminded again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(7);
}

/// <summary>How many organisations were emailed, about how many overdue reports.</summary>
public sealed record ReportRemindersSent(int Organisations, int Reports);

internal sealed class SendReportRemindersHandler : IUseCaseHandler<SendReportReminders, ReportRemindersSent>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;
    private readonly Mail _mail;

    public SendReportRemindersHandler(ITrustFundDb db, IAuditTrail audit, TimeProvider clock, Mail mail)
    {
        _db = db;
        _audit = audit;
        _clock = clock;
        _mail = mail;
    }

    public async Task<ReportRemindersSent> HandleAsync(SendReportReminders request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var latestToday = DateOnly.FromDateTime(now).AddDays(1);
        var candidates = await _db.GranteeReports
            .Where(r => (r.Status == ReportStatus.Due && r.DueOn < latestToday)
                || (r.Status == ReportStatus.RevisionRequested && r.ResubmitBy != null && r.ResubmitBy < latestToday))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new ReportRemindersSent(0, 0);
        }

        var remindedSince = now - SendReportReminders.Interval;
        var reminded = (await _db.AuditEntries.AsNoTracking()
            .Where(e => e.Action == AuditActions.ReportReminderSent && e.EntityType == nameof(GranteeReport) && e.OccurredAtUtc > remindedSince)
            .Select(e => e.EntityId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var grantIds = candidates.Select(r => r.GrantId).Distinct().ToList();
        var grants = await (
            from grant in _db.Grants.AsNoTracking()
            join call in _db.Calls.AsNoTracking() on grant.CallId equals call.Id
            join organisation in _db.Organisations.AsNoTracking() on grant.OrganisationId equals organisation.Id
            where grantIds.Contains(grant.Id)
            select new { grant.Id, grant.Number, grant.OrganisationId, organisation.LegalName, call.Terms.TimeZoneId })
            .ToDictionaryAsync(g => g.Id, cancellationToken);
        var overdue = candidates
            .Where(r => grants.ContainsKey(r.GrantId) && !reminded.Contains(Id(r)))
            .Where(r => r.IsOverdueOn(GrantReports.Today(now, grants[r.GrantId].TimeZoneId)))
            .ToList();

        var organisations = 0;
        var reports = 0;
        foreach (var group in overdue.GroupBy(r => grants[r.GrantId].OrganisationId))
        {
            var recipients = await Recipients.OfOrganisationAsync(_db, group.Key, cancellationToken);
            if (recipients.Count == 0)
            {
                continue;
            }

            var organisation = grants[group.First().GrantId].LegalName;
            var lines = group.OrderBy(r => r.DueOn)
                .Select(r => (object)new EmailText("- {0}, {1}: due {2}", grants[r.GrantId].Number, GrantReports.NameText(r.Kind, r.Sequence), r.Status == ReportStatus.Due ? r.DueOn : r.ResubmitBy!.Value))
                .ToList();
            _mail.Send(ReportEmails.Overdue, recipients, organisation, new EmailCount(group.Count(), "{0} overdue grant report", "{0} overdue grant reports"), new EmailLines(lines));
            foreach (var report in group)
            {
                _audit.Record(AuditActions.ReportReminderSent, $"Reminder sent to {organisation} about the overdue {GrantReports.Name(report.Kind, report.Sequence)} of grant {grants[report.GrantId].Number}", nameof(GranteeReport), Id(report));

                // Claims the report: when two instances remind at the same moment, the second save fails
                // its version check on this report and rolls back with its emails, so nobody is reminded twice.
                report.RenewVersion();
            }

            reports += group.Count();
            organisations++;
        }

        await _db.SaveChangesAsync(cancellationToken);
        return new ReportRemindersSent(organisations, reports);
    }

    private static string Id(GranteeReport report) => report.Id.ToString("D", CultureInfo.InvariantCulture);
}
