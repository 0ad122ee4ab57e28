using TrustFund.Application.Accounts;
using TrustFund.Application.Users;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Tests.Accounts;

/// <summary>The rules of deactivating, reactivating and giving roles, held by the user.</summary>
public sealed class TrustFundUserRulesTests
{
    private static readonly Guid Administrator = Guid.NewGuid();

    [Test]
    public void Deactivate_ByAnotherAdministrator_MakesTheAccountDeactivated()
    {
        var user = new TrustFundUser { EmailConfirmed = true, PasswordHash = "hash" };

        user.Deactivate(Administrator);

        Assert.That(user.IsActive, Is.False);
        Assert.That(user.State, Is.EqualTo(AccountState.Deactivated));
    }

    [Test]
    public void Deactivate_OwnAccount_IsRefused()
    {
        var user = new TrustFundUser();

        var refused = Assert.Throws<DomainException>(() => user.Deactivate(user.Id))!;

        Assert.That(refused.Code, Is.EqualTo("user.deactivate-self"));
        Assert.That(user.IsActive, Is.True);
    }

    [Test]
    public void Deactivate_AlreadyDeactivated_IsRefused_AndReactivate_ActiveIsRefused()
    {
        var user = new TrustFundUser { IsActive = false };

        Assert.That(Assert.Throws<DomainException>(() => user.Deactivate(Administrator))!.Code, Is.EqualTo("user.already-deactivated"));
        user.Reactivate();
        Assert.That(user.IsActive, Is.True);
        Assert.That(Assert.Throws<DomainException>(user.Reactivate)!.Code, Is.EqualTo("user.already-active"));
    }

    [Test]
    public void CheckRoleChange_ApplicantsHoldOnlyTheApplicantRole_StaffOnlySecretariatRoles()
    {
        var applicant = new TrustFundUser { OrganisationId = Guid.NewGuid() };
        var staff = new TrustFundUser();

        Assert.Throws<RulesViolatedException>(() => applicant.CheckRoleChange([Roles.Applicant], [Roles.Reviewer], Administrator));
        Assert.Throws<RulesViolatedException>(() => staff.CheckRoleChange([Roles.Reviewer], [Roles.Applicant], Administrator));
        Assert.DoesNotThrow(() => staff.CheckRoleChange([Roles.Reviewer], [Roles.Reviewer, Roles.FundManager], Administrator));
    }

    [Test]
    public void CheckRoleChange_RemovingOwnAdministratorRole_IsRefusedOnTheRolesField()
    {
        var admin = new TrustFundUser();

        var refused = Assert.Throws<RulesViolatedException>(() => admin.CheckRoleChange([Roles.Administrator], [Roles.FundManager], admin.Id))!;

        Assert.That(refused.Violations.Single().Field, Is.EqualTo("Roles"));
        Assert.DoesNotThrow(() => admin.CheckRoleChange([Roles.Administrator], [Roles.FundManager], Administrator), "Another administrator may");
    }

    [TestCase(false, false, false, AccountState.Deactivated)]
    [TestCase(true, false, false, AccountState.InvitationPending)]
    [TestCase(true, false, true, AccountState.EmailNotConfirmed)]
    [TestCase(true, true, false, AccountState.Active)]
    [TestCase(true, true, true, AccountState.Active)]
    public void StateOf_FollowsTheFlags(bool active, bool confirmed, bool hasPassword, AccountState expected) =>
        Assert.That(TrustFundUser.StateOf(active, confirmed, hasPassword), Is.EqualTo(expected));
}
