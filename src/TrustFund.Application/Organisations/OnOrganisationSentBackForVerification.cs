using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations.Events;

namespace TrustFund.Application.Organisations;

/// <summary>
/// A verified organisation changed its legal name or country of registration and waits to be verified
/// again: every active fund manager (the Secretariat) is told by email what changed.
/// </summary>
internal sealed class OnOrganisationSentBackForVerification : IDomainEventHandler<OrganisationSentBackForVerification>
{
    /// <summary>The email to the Secretariat: 0 recipient, 1 organisation's new name, 2 previous name, 3 previous country, 4 new country (each named in the recipient's language).</summary>
    public static readonly EmailTemplate Notice = new(
        "{1} changed its registration details: verify it again",
        "Dear {0},\n\nA verified organisation changed its legal name or country of registration, so it is back in the list of organisations waiting for verification and cannot submit applications until it is verified again.\n\nLegal name: before {2}; now {1}\nCountry of registration: before {3}; now {4}\n\nApplications it submitted before keep the name they were submitted under.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly Mail _mail;

    public OnOrganisationSentBackForVerification(ITrustFundDb db, Mail mail)
    {
        _db = db;
        _mail = mail;
    }

    public async Task HandleAsync(OrganisationSentBackForVerification domainEvent, CancellationToken cancellationToken)
    {
        var managers = await (
                from user in _db.Users.AsNoTracking()
                join userRole in _db.UserRoles on user.Id equals userRole.UserId
                join role in _db.Roles on userRole.RoleId equals role.Id
                where role.Name == Roles.FundManager && user.IsActive && user.Email != null
                select new { user.Email, user.DisplayName, user.PreferredCulture })
            .Distinct()
            .OrderBy(m => m.Email)
            .ToListAsync(cancellationToken);
        foreach (var manager in managers)
        {
            var name = string.IsNullOrWhiteSpace(manager.DisplayName) ? manager.Email! : manager.DisplayName;
            _mail.Send(
                Notice,
                new EmailRecipient(manager.Email!, name, manager.PreferredCulture),
                name,
                domainEvent.NewName,
                domainEvent.PreviousName,
                new EmailCountry(domainEvent.PreviousCountry),
                new EmailCountry(domainEvent.NewCountry));
        }
    }
}
