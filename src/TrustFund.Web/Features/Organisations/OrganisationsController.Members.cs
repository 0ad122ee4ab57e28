using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.Organisations;

/// <summary>The people who act for the organisation: invite a colleague, remove a member (never the last).</summary>
public sealed partial class OrganisationsController
{
    [HttpGet("Members")]
    public async Task<IActionResult> Members(CancellationToken cancellationToken)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        return await MembersView(organisationId, new InviteMemberInput(), cancellationToken);
    }

    [HttpPost("Members/Invite")]
    public async Task<IActionResult> Invite(InviteMemberInput input, CancellationToken cancellationToken)
    {
        if (await OwnOrganisationAsync(cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await MembersView(organisation.Id, input, cancellationToken);
        }

        var email = input.Email!.Trim();
        var existing = await _users.FindByEmailAsync(email);
        if (existing is not null)
        {
            if (existing.OrganisationId == organisation.Id && existing.IsActive && !await _users.HasPasswordAsync(existing))
            {
                TempData["Notice"] = _text["{0} has already been invited and has not yet chosen a password.", email].Value;
                return Redirect("/Organisation/Members");
            }

            ModelState.AddModelError(nameof(InviteMemberInput.Email), _text["An account with this email address already exists. Ask the fund's Secretariat if your colleague needs to move to your organisation."]);
            return await MembersView(organisation.Id, input, cancellationToken);
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.Name!.Trim(),
            OrganisationId = organisation.Id,
            CreatedAtUtc = now,
        };

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var created = await _users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(nameof(InviteMemberInput.Email), error.Code is "InvalidEmail" or "InvalidUserName"
                    ? _text["Enter an email address in the correct format, like name@example.org."]
                    : error.Description);
            }

            _db.ChangeTracker.Clear();
            return await MembersView(organisation.Id, input, cancellationToken);
        }

        EnsureSucceeded(await _users.AddToRoleAsync(user, Roles.Applicant));
        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var link = InvitationLinks.For(Request, HttpContext.RequestServices.GetRequiredService<IConfiguration>(), user.Id, token);
        var inviter = User.Identity!.Name;
        _outbox.Enqueue(new EmailMessage(
            email,
            _text["You are invited to act for {0} on TrustFund", organisation.LegalName],
            _text["Hello {0},\n\n{1} invited you to act for {2} on TrustFund, the grants system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons.\n\nChoose your password with this link:\n{3}\n\nIf you did not expect this invitation, ignore this email.", user.DisplayName, inviter ?? string.Empty, organisation.LegalName, link]));
        _audit.Record(AuditActions.OrganisationMemberInvited, $"{inviter} invited {email} to {organisation.LegalName}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["We have emailed an invitation to {0}.", email].Value;
        return Redirect("/Organisation/Members");
    }

    [HttpPost("Members/{id:guid}/Remove")]
    public async Task<IActionResult> RemoveMember(Guid id, CancellationToken cancellationToken)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        var member = await _db.Users.SingleOrDefaultAsync(u => u.Id == id && u.OrganisationId == organisationId && u.IsActive, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        var active = await _db.Users.CountAsync(u => u.OrganisationId == organisationId && u.IsActive, cancellationToken);
        if (active <= 1)
        {
            ModelState.AddModelError(string.Empty, _text["{0} is the only member of your organisation and cannot be removed. Invite a colleague first.", member.DisplayName]);
            return await MembersView(organisationId, new InviteMemberInput(), cancellationToken);
        }

        member.IsActive = false;
        _audit.Record(AuditActions.OrganisationMemberRemoved, $"{User.Identity!.Name} removed {member.Email} from their organisation", "User", member.Id.ToString());
        EnsureSucceeded(await _users.UpdateSecurityStampAsync(member));
        TempData["Notice"] = _text["{0} has been removed and can no longer sign in.", member.DisplayName].Value;
        return Redirect("/Organisation/Members");
    }

    private async Task<ViewResult> MembersView(Guid organisationId, InviteMemberInput input, CancellationToken cancellationToken)
    {
        var members = await _db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new MemberRow(u.Id, u.DisplayName, u.Email!, u.PasswordHash != null, u.LastSignInAtUtc))
            .ToListAsync(cancellationToken);
        ViewData["Members"] = members;
        return View("Members", input);
    }

    private static void EnsureSucceeded(Microsoft.AspNetCore.Identity.IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused an account change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
