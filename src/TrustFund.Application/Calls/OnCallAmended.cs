using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Calls.Events;

namespace TrustFund.Application.Calls;

/// <summary>
/// An amendment to a published call is audited (with a separate entry when the closing date moved)
/// and emailed to every active member of the organisations with a draft or a submission on the call.
/// </summary>
internal sealed class OnCallAmended : IDomainEventHandler<CallAmended>
{
    /// <summary>The email to organisations with drafts or submissions: 0 name, 1 call title, 2 code, 3 amendment number, 4 reason, 5 changes, 6 closing date now.</summary>
    public static readonly EmailTemplate Notice = new(
        "Amendment {3} to the call {1}",
        "Dear {0},\n\nThe Secretariat has amended the call \"{1}\" ({2}). This is amendment {3}.\n\nReason: {4}\n\nWhat changed:\n{5}\n\nThe call now closes on {6}.\n\nYour organisation has an application on this call. Applications already submitted are judged on the terms in force when they were submitted; a draft must meet the amended terms.\n\nUN Voluntary Trust Fund for Victims of Trafficking in Persons");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnCallAmended(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(CallAmended domainEvent, CancellationToken cancellationToken)
    {
        var amendment = domainEvent.Amendment;
        var id = domainEvent.CallId.ToString("D", CultureInfo.InvariantCulture);
        _audit.Record(
            AuditActions.CallAmended,
            string.Create(CultureInfo.InvariantCulture, $"Call {domainEvent.Code} amended (amendment {amendment.Number}): {amendment.Reason}. Changed: {string.Join("; ", amendment.Changes.Select(c => $"{c.Term} {c.Before} -> {c.After}"))}"),
            nameof(Call),
            id);

        if (domainEvent.PreviousClosingUtc is { } previous)
        {
            _audit.Record(
                AuditActions.CallDeadlineChanged,
                $"Closing of call {domainEvent.Code} moved from {ZonedTime.Iso(previous)} to {ZonedTime.Iso(domainEvent.ClosesAtUtc)} ({domainEvent.TimeZoneId})",
                nameof(Call),
                id);
        }

        var organisations = _db.Applications
            .Where(a => a.CallId == domainEvent.CallId && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => a.OrganisationId);
        var members = await _db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && u.OrganisationId != null && organisations.Contains(u.OrganisationId.Value))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var changes = new ChangeList(amendment, domainEvent.PreviousClosingUtc, domainEvent.ClosesAtUtc, domainEvent.TimeZoneId);
        foreach (var member in members)
        {
            _mail.Send(
                Notice,
                new EmailRecipient(member.Email!, member.DisplayName, member.PreferredCulture),
                member.DisplayName,
                domainEvent.Title,
                domainEvent.Code,
                amendment.Number,
                amendment.Reason,
                changes,
                new ZonedInstant(domainEvent.ClosesAtUtc, domainEvent.TimeZoneId));
        }
    }

    // The list of changes, a line a term ("- Term: before X; now Y"), written in the language of the email it goes into.
    private sealed record ChangeList(CallAmendment Amendment, DateTime? PreviousClosingUtc, DateTime ClosingUtc, string ZoneId) : ILocalizedText
    {
        public string Write(IStringLocalizer text, CultureInfo culture)
        {
            var lines = Amendment.Changes
                .Where(c => c.Term != nameof(CallTerms.ClosesAtUtc))
                .Select(c => new EmailText("- {0}: before {1}; now {2}", text[CallTermNames.Of(c.Term)].Value, CallTermValues.Write(c.Term, c.Before, ZoneId, text, culture), CallTermValues.Write(c.Term, c.After, ZoneId, text, culture)).Write(text, culture))
                .ToList();
            if (PreviousClosingUtc is { } previous)
            {
                lines.Insert(0, new EmailText("- Closing date: before {0}; now {1}", new ZonedInstant(previous, ZoneId), new ZonedInstant(ClosingUtc, ZoneId)).Write(text, culture));
            }

            return string.Join("\n", lines);
        }
    }
}
