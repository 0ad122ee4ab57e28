using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Emails every reviewer whose open assignments are past their due day (in the call's time zone) and
/// were not reminded in the last <see cref="Interval"/>: one email per reviewer listing them. Each
/// assignment is marked reminded and each email audited, in one transaction with the outbox. Run by a
/// daily background job and by a fund manager's button; running it twice the same day reminds nobody twice.
/// </summary>
public sealed record SendReviewReminders : IUseCase<RemindersSent>
{
    /// <summary>How long after a reminder an overdue review is reminded again.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromDays(3);
}

/// <summary>How many reviewers were emailed, about how many overdue assignments.</summary>
public sealed record RemindersSent(int Reviewers, int Assignments);

internal sealed class SendReviewRemindersHandler : IUseCaseHandler<SendReviewReminders, RemindersSent>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;
    private readonly Mail _mail;

    public SendReviewRemindersHandler(ITrustFundDb db, IAuditTrail audit, TimeProvider clock, Mail mail)
    {
        _db = db;
        _audit = audit;
        _clock = clock;
        _mail = mail;
    }

    public async Task<RemindersSent> HandleAsync(SendReviewReminders request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var remindedBefore = now - SendReviewReminders.Interval;

        // Every zone's today is at most a day after UTC's: the query takes a superset, each call's zone decides.
        var latestToday = DateOnly.FromDateTime(now).AddDays(1);
        var candidates = await _db.ReviewAssignments
            .Where(a => (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft)
                && a.DueOn < latestToday
                && (a.LastRemindedAtUtc == null || a.LastRemindedAtUtc <= remindedBefore))
            .ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return new RemindersSent(0, 0);
        }

        var callIds = candidates.Select(a => a.CallId).Distinct().ToList();
        var zones = await _db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).Select(c => new { c.Id, c.Terms.TimeZoneId }).ToDictionaryAsync(c => c.Id, c => c.TimeZoneId, cancellationToken);
        var overdue = candidates.Where(a => a.IsOverdueOn(ReviewCalendar.Today(now, zones[a.CallId]))).ToList();
        var reviewerIds = overdue.Select(a => a.ReviewerId).Distinct().ToList();
        var reviewers = await _db.Users.AsNoTracking()
            .Where(u => reviewerIds.Contains(u.Id) && u.IsActive && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .ToDictionaryAsync(u => u.Id, cancellationToken);
        var applicationIds = overdue.Select(a => a.ApplicationId).Distinct().ToList();
        var labels = await _db.Applications.AsNoTracking()
            .Where(a => applicationIds.Contains(a.Id))
            .Select(a => new { a.Id, Label = a.Reference ?? a.Title })
            .ToDictionaryAsync(a => a.Id, a => a.Label, cancellationToken);

        var assignments = 0;
        var emailed = 0;
        foreach (var group in overdue.Where(a => reviewers.ContainsKey(a.ReviewerId)).GroupBy(a => a.ReviewerId))
        {
            var reviewer = reviewers[group.Key];
            var name = string.IsNullOrWhiteSpace(reviewer.DisplayName) ? reviewer.Email! : reviewer.DisplayName;
            var lines = new OverdueLines([.. group.OrderBy(a => a.DueOn).Select(a => (labels[a.ApplicationId], a.DueOn))]);
            foreach (var assignment in group)
            {
                assignment.MarkReminded(now);
            }

            _mail.Send(ReviewEmails.Overdue, new EmailRecipient(reviewer.Email!, name, reviewer.PreferredCulture), name, new EmailCount(group.Count(), "{0} overdue review", "{0} overdue reviews"), lines);
            _audit.Record(AuditActions.ReviewReminderSent, $"Reminder sent to {name} about {group.Count()} overdue review(s): {string.Join("; ", group.Select(a => labels[a.ApplicationId]))}", "User", AssignmentRecords.Id(group.Key));
            assignments += group.Count();
            emailed++;
        }

        // Two instances running this at once load the same assignments: each save renews the versions
        // they were loaded with, so the second save fails its concurrency check and rolls back with its
        // emails (the pipeline answers it as a stale edit). Nobody is reminded twice.
        await _db.SaveChangesAsync(cancellationToken);
        return new RemindersSent(emailed, assignments);
    }
}

/// <summary>The overdue reviews of a reminder, one a line, each with its due day, in the email's language.</summary>
internal sealed record OverdueLines(IReadOnlyList<(string Label, DateOnly DueOn)> Reviews) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) =>
        string.Join("\n", Reviews.Select(r => text["- {0}: due {1}", r.Label, r.DueOn.ToString("d MMMM yyyy", culture)].Value));
}
