using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;

namespace TrustFund.Application.Organisations;

/// <summary>
/// An applicant invites a colleague to act for the organisation: an applicant account without a
/// password, and an email with the link to choose one. <see cref="RequestAddress"/> is the site's
/// address as the request reached it (used when no public address is configured). <see cref="Culture"/>
/// ("fr"), one of the fund's languages, is the language of the invitation and the account's chosen
/// language (null: the fund's default language, no choice made).
/// </summary>
public sealed record InviteMember(string Name, string Email, string RequestAddress, string? Culture = null) : IUseCase<Invitation>;

/// <summary>Whether the invitation was sent now, or had been sent before and is still waiting.</summary>
public enum Invitation
{
    Sent,
    AlreadyWaiting,
}

internal sealed class InviteMemberValidator : AbstractValidator<InviteMember>
{
    public InviteMemberValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("Enter your colleague's full name.");
        RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your colleague's email address.");
    }
}

internal sealed class InviteMemberHandler : IUseCaseHandler<InviteMember, Invitation>
{
    /// <summary>The invitation: 0 invitee's name, 1 who invited, 2 organisation, 3 link.</summary>
    public static readonly EmailTemplate Notice = new(
        "You are invited to act for {2} on TrustFund",
        "Hello {0},\n\n{1} invited you to act for {2} on TrustFund, the grants system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons.\n\nChoose your password with this link:\n{3}\n\nIf you did not expect this invitation, ignore this email.");

    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly RecordAccess _access;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly IConfiguration _configuration;
    private readonly TimeProvider _clock;
    private readonly RequestLocalizationOptions _localization;

    public InviteMemberHandler(ITrustFundDb db, ICurrentActor actor, RecordAccess access, UserManager<TrustFundUser> users, IAuditTrail audit, Mail mail, IConfiguration configuration, TimeProvider clock, IOptions<RequestLocalizationOptions> localization)
    {
        _db = db;
        _actor = actor;
        _access = access;
        _users = users;
        _audit = audit;
        _mail = mail;
        _configuration = configuration;
        _clock = clock;
        _localization = localization.Value;
    }

    public async Task<Invitation> HandleAsync(InviteMember request, CancellationToken cancellationToken)
    {
        var culture = InvitationLanguage.Of(_localization, request.Culture, nameof(InviteMember.Culture));
        var organisationId = await OwnOrganisation.IdAsync(_db, _actor, _access, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) ?? throw new NotFoundException();
        var email = request.Email.Trim();
        if (await _users.FindByEmailAsync(email) is { } existing)
        {
            if (existing.OrganisationId == organisationId && existing.IsActive && !await _users.HasPasswordAsync(existing))
            {
                return Invitation.AlreadyWaiting;
            }

            throw new RefusedException(Problem.For(nameof(InviteMember.Email), "An account with this email address already exists. Ask the fund's Secretariat if your colleague needs to move to your organisation."));
        }

        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = request.Name.Trim(),
            OrganisationId = organisationId,
            PreferredCulture = culture,
            CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
        };

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        var created = await _users.CreateAsync(user);
        if (!created.Succeeded)
        {
            throw new RefusedException([.. created.Errors.Select(e => Problem.For(
                nameof(InviteMember.Email),
                e.Code is "InvalidEmail" or "InvalidUserName" ? "Enter an email address in the correct format, like name@example.org." : e.Description))]);
        }

        EnsureSucceeded(await _users.AddToRoleAsync(user, Roles.Applicant));
        var token = await _users.GeneratePasswordResetTokenAsync(user);
        var inviter = _actor.Name ?? string.Empty;
        _mail.Send(Notice, new EmailRecipient(email, user.DisplayName, user.PreferredCulture), user.DisplayName, inviter, organisation.LegalName, InvitationLink.For(_configuration, request.RequestAddress, user.Id, token));
        _audit.Record(AuditActions.OrganisationMemberInvited, $"{inviter} invited {email} to {organisation.LegalName}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Invitation.Sent;
    }

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused an account change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
