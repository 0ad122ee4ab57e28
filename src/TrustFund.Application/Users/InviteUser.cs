using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>
/// An administrator invites a member of the Secretariat with roles; the invitation email carries the link to
/// choose a password. <see cref="Culture"/> ("fr"), one of the fund's languages, is the language of the
/// invitation and the account's chosen language (null: the fund's default language, no choice made).
/// </summary>
public sealed record InviteUser(string Name, string Email, IReadOnlyList<string> Roles, string? Culture = null) : IUseCase<Guid>;

internal sealed class InviteUserHandler : IUseCaseHandler<InviteUser, Guid>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly AccountEmails _emails;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;
    private readonly RequestLocalizationOptions _localization;

    public InviteUserHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, AccountEmails emails, ICurrentActor actor, TimeProvider clock, IOptions<RequestLocalizationOptions> localization)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _emails = emails;
        _actor = actor;
        _clock = clock;
        _localization = localization.Value;
    }

    /// <returns>The new user's id.</returns>
    public async Task<Guid> HandleAsync(InviteUser request, CancellationToken cancellationToken)
    {
        var culture = InvitationLanguage.Of(_localization, request.Culture, nameof(InviteUser.Culture));
        var email = request.Email.Trim();
        if (await _users.FindByEmailAsync(email) is { } existing)
        {
            throw new RefusedException(Problem.For(nameof(InviteUser.Email), "There is already an account with this email address: {0}.", existing.DisplayName));
        }

        var roles = TrustFundUser.Ordered(request.Roles);
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = request.Name.Trim(),
            PreferredCulture = culture,
            CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
        };
        await using (var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken))
        {
            var created = await _users.CreateAsync(user);
            if (!created.Succeeded)
            {
                var duplicate = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
                throw new RefusedException(Problem.For(nameof(InviteUser.Email), duplicate
                    ? "There is already an account with this email address."
                    : "Enter an email address in the correct format, like name@example.org."));
            }

            _audit.Record(AuditActions.UserInvited, $"{email} invited as {UserAccounts.Describe(roles)}", "User", user.Id.ToString());
            UserAccounts.EnsureSucceeded(await _users.AddToRolesAsync(user, roles));
            await transaction.CommitAsync(cancellationToken);
        }

        // The link's token is made once the account is saved: making it may write the key ring, which
        // must not wait for this request's own open transaction.
        _emails.Invitation(user, await UserAccounts.NameOfAsync(_db, _actor.UserId, cancellationToken), roles, await _users.GeneratePasswordResetTokenAsync(user));
        await _db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }
}
