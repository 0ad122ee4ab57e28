using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Reviews;
using TrustFund.Domain.Reviews.Events;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A declared conflict is audited and emailed to the fund managers (every active user in the role: calls
/// have no managers of their own), in the same transaction, so they can assign another reviewer.
/// </summary>
internal sealed class OnConflictDeclared : IDomainEventHandler<ConflictDeclared>
{
    /// <summary>0 reviewer, 1 reference (or title), 2 call code, 3 type of conflict, 4 note.</summary>
    public static readonly EmailTemplate Declared = new(
        "{0} declared a conflict of interest with {1}",
        "Hello,\n\n{0} declared a conflict of interest with application {1} of call {2} and has stepped aside from its review.\n\nType of conflict: {3}\nNote: {4}\n\nAssign another reviewer if the application needs one.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;

    public OnConflictDeclared(ITrustFundDb db, IAuditTrail audit, Mail mail)
    {
        _db = db;
        _audit = audit;
        _mail = mail;
    }

    public async Task HandleAsync(ConflictDeclared domainEvent, CancellationToken cancellationToken)
    {
        // The application and call may be saved in this same transaction (added, not yet in the database).
        var application = _db.Applications.Local.FirstOrDefault(a => a.Id == domainEvent.ApplicationId) is { } local
            ? new { Label = local.Reference ?? local.Title }
            : await _db.Applications.AsNoTracking()
                .Where(a => a.Id == domainEvent.ApplicationId)
                .Select(a => new { Label = a.Reference ?? a.Title })
                .SingleAsync(cancellationToken);
        var callCode = _db.Calls.Local.FirstOrDefault(c => c.Id == domainEvent.CallId)?.Code
            ?? await _db.Calls.AsNoTracking().Where(c => c.Id == domainEvent.CallId).Select(c => c.Code).SingleAsync(cancellationToken);
        _audit.Record(
            AuditActions.ReviewConflictDeclared,
            $"{domainEvent.ReviewerName} declared a {domainEvent.Type.ToString().ToLowerInvariant()} conflict of interest with {application.Label}: {domainEvent.Note}",
            nameof(ReviewAssignment),
            domainEvent.AssignmentId.ToString("D", CultureInfo.InvariantCulture));

        var managers = await _db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null)
            .Where(u => _db.UserRoles.Any(ur => ur.UserId == u.Id && _db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.FundManager)))
            .OrderBy(u => u.Email)
            .Select(u => new { u.Email, u.DisplayName, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        _mail.Send(
            Declared,
            managers.Select(m => new EmailRecipient(m.Email!, string.IsNullOrWhiteSpace(m.DisplayName) ? m.Email! : m.DisplayName, m.PreferredCulture)),
            domainEvent.ReviewerName,
            application.Label,
            callCode,
            new EmailText(domainEvent.Type.ToString()), // one word each: the enumeration value's words, as the pages show it
            domainEvent.Note);
    }
}
