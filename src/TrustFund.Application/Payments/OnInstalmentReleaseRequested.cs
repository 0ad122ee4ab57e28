using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Application.Payments;

/// <summary>
/// A release request is audited, each overridden condition with an entry of its own (the override is
/// marked in the audit trail with its justification), and the finance officers other than the
/// requester are told by email that a release waits for their approval.
/// </summary>
internal sealed class OnInstalmentReleaseRequested : IDomainEventHandler<InstalmentReleaseRequested>
{
    /// <summary>0 recipient, 1 instalment number, 2 grant number, 3 amount, 4 requester, 5 the overridden conditions, a list in the recipient's language ("" when none).</summary>
    public static readonly EmailTemplate Notice = new(
        "Instalment {1} of grant {2} waits for your approval",
        "Dear {0},\n\n{4} requested the release of instalment {1} of grant {2}: {3}.{5}\n\nApprove it, or put it on hold, from your payments queue in TrustFund. You cannot approve a release you requested yourself.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly Mail _mail;

    public OnInstalmentReleaseRequested(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor, Mail mail)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
        _mail = mail;
    }

    public async Task HandleAsync(InstalmentReleaseRequested domainEvent, CancellationToken cancellationToken)
    {
        var (number, _) = await GrantLabel.OfAsync(_db, domainEvent.GrantId, cancellationToken);
        var by = _actor.Name ?? "system";
        var overridden = domainEvent.OverriddenConditions;
        _audit.Record(
            AuditActions.InstalmentReleaseRequested,
            $"{by} requested the release of instalment {domainEvent.Number} of grant {number} ({domainEvent.Amount})" + (overridden.Count == 0 ? string.Empty : $", overriding {overridden.Count} condition(s)"),
            nameof(Grant),
            domainEvent.GrantId.ToString());
        foreach (var o in overridden)
        {
            _audit.Record(
                AuditActions.InstalmentConditionOverridden,
                $"OVERRIDE: instalment {domainEvent.Number} of grant {number} released without {o.Condition.Describe()}; justification by {o.By}: {o.Justification}",
                nameof(Grant),
                domainEvent.GrantId.ToString());
        }

        var officers = await (
                from user in _db.Users.AsNoTracking()
                join userRole in _db.UserRoles on user.Id equals userRole.UserId
                join role in _db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.FinanceOfficer && user.IsActive && user.Email != null && user.Id != domainEvent.RequestedById
                select new { user.Email, user.DisplayName, user.PreferredCulture })
            .Distinct()
            .OrderBy(u => u.Email)
            .ToListAsync(cancellationToken);
        object overrides = overridden.Count == 0 ? string.Empty : new EmailText("\n\nReleased without: {0}.", new EmailList([.. overridden.Select(o => ConditionWords.Of(o.Condition))]));
        foreach (var officer in officers)
        {
            var name = string.IsNullOrWhiteSpace(officer.DisplayName) ? officer.Email! : officer.DisplayName;
            _mail.Send(Notice, new EmailRecipient(officer.Email!, name, officer.PreferredCulture), name, domainEvent.Number, number, domainEvent.Amount, by, overrides);
        }
    }
}
