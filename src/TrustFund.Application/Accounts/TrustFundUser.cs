using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Users;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// A person who signs in: NGO staff (with an organisation) or Secretariat staff. The rules of
/// deactivating, reactivating and giving roles live here, once.
/// </summary>
public sealed class TrustFundUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public const int CultureMaxLength = 16;

    public TrustFundUser()
    {
        Id = Guid.NewGuid();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation an applicant works for; null for Secretariat staff.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>False once an administrator deactivated the account: it can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>The language the person chose for pages and emails ("fr", "ar"...); null until they choose one.</summary>
    public string? PreferredCulture { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }

    /// <summary>Where the account stands: deactivated, invited (no password, not confirmed), unconfirmed or active.</summary>
    public AccountState State => StateOf(IsActive, EmailConfirmed, PasswordHash is not null);

    /// <summary>Roles this user may hold: Secretariat roles for staff, the applicant role for NGO staff.</summary>
    public IReadOnlyList<string> AssignableRoles => OrganisationId is null ? Roles.Staff : [Roles.Applicant];

    /// <summary>The state of an account from its flags (for lists read without loading whole users).</summary>
    public static AccountState StateOf(bool isActive, bool emailConfirmed, bool hasPassword) =>
        !isActive ? AccountState.Deactivated
        : !hasPassword && !emailConfirmed ? AccountState.InvitationPending
        : !emailConfirmed ? AccountState.EmailNotConfirmed
        : AccountState.Active;

    /// <summary>An administrator (<paramref name="byUserId"/>) deactivates the account: it can no longer sign in.</summary>
    /// <exception cref="DomainException">The administrator's own account, or one already deactivated.</exception>
    public void Deactivate(Guid? byUserId)
    {
        if (byUserId == Id)
        {
            throw new DomainException("user.deactivate-self", "You cannot deactivate your own account. Ask another administrator to do it.");
        }

        if (!IsActive)
        {
            throw new DomainException("user.already-deactivated", "This account is already deactivated.");
        }

        IsActive = false;
    }

    /// <summary>An administrator lets a deactivated account sign in again.</summary>
    /// <exception cref="DomainException">The account is active.</exception>
    public void Reactivate()
    {
        if (IsActive)
        {
            throw new DomainException("user.already-active", "This account is already active.");
        }

        IsActive = true;
    }

    /// <summary>Checks that a new invitation may be sent: the account is active and its invitation not accepted yet.</summary>
    /// <exception cref="DomainException">The account is deactivated, or has a password or a confirmed address.</exception>
    public void EnsureInvitationPending()
    {
        if (State != AccountState.InvitationPending)
        {
            throw new DomainException("user.invitation-not-pending", "Only an active account whose invitation has not been accepted can be sent a new invitation.");
        }
    }

    /// <summary>Checks that an administrator (<paramref name="byUserId"/>) may change this user's roles from <paramref name="current"/> to <paramref name="wanted"/>.</summary>
    /// <exception cref="RulesViolatedException">A role this user may not hold, or an administrator removing their own Administrator role.</exception>
    public void CheckRoleChange(IReadOnlyCollection<string> current, IReadOnlyCollection<string> wanted, Guid? byUserId)
    {
        if (wanted.Except(AssignableRoles).Any())
        {
            throw new RulesViolatedException([new RuleViolation(
                "Roles",
                OrganisationId is null
                    ? "Secretariat staff can hold only Secretariat roles. Applicants register themselves through their organisation."
                    : "Staff of an applicant organisation can hold only the Applicant role.")]);
        }

        if (byUserId == Id && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            throw new RulesViolatedException([new RuleViolation("Roles", "You cannot remove your own Administrator role. Ask another administrator to do it.")]);
        }
    }

    /// <summary><paramref name="roles"/> in the order roles are shown, unknown names left out.</summary>
    public static List<string> Ordered(IEnumerable<string> roles) =>
        [.. Roles.All.Where(r => roles.Contains(r, StringComparer.Ordinal))];
}
