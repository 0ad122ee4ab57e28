using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Accounts;

/// <summary>
/// An NGO registers itself: the organisation (awaiting verification) and its first applicant, who
/// confirms their address by an emailed link. An address already in use gets a notice to its owner
/// instead, and the person registering sees the same answer either way.
/// </summary>
public sealed record RegisterOrganisation(string OrganisationName, string Country, string FullName, string Email, string Password) : IUseCase<string>;

internal sealed class RegisterOrganisationHandler : IUseCaseHandler<RegisterOrganisation, string>
{
    private readonly ITrustFundDb _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly AccountEmails _emails;
    private readonly TimeProvider _clock;

    public RegisterOrganisationHandler(ITrustFundDb db, UserManager<TrustFundUser> users, IAuditTrail audit, AccountEmails emails, TimeProvider clock)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _emails = emails;
        _clock = clock;
    }

    /// <returns>The address the confirmation (or the owner's notice) went to.</returns>
    public async Task<string> HandleAsync(RegisterOrganisation request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var email = request.Email.Trim();
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = request.FullName.Trim(),
            CreatedAtUtc = now,
        };

        // Password rules do not depend on the address, so checking them first keeps the answer the
        // same whether or not an account already uses it.
        if (await IdentityProblems.CheckNewPasswordAsync(_users, user, request.Password, nameof(RegisterOrganisation.Password)) is { Count: > 0 } weak)
        {
            throw new RefusedException(weak);
        }

        if (await _users.FindByEmailAsync(email) is { } existing)
        {
            // Hash anyway so this path takes about as long as creating an account.
            _ = _users.PasswordHasher.HashPassword(existing, request.Password);
            await NotifyExistingOwnerAsync(existing, cancellationToken);
            return email;
        }

        Organisation organisation;
        try
        {
            organisation = Organisation.Register(request.OrganisationName, request.Country, now);
        }
        catch (DomainException ex)
        {
            throw new RefusedException(Problem.For(
                ex.Code == "organisation.country-invalid" ? nameof(RegisterOrganisation.Country) : nameof(RegisterOrganisation.OrganisationName),
                ex.Text));
        }

        await using (var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken))
        {
            _db.Organisations.Add(organisation);
            user.OrganisationId = organisation.Id;
            var created = await _users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                _db.Forget();
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                    && await _users.FindByEmailAsync(email) is { } owner)
                {
                    await NotifyExistingOwnerAsync(owner, cancellationToken);
                    return email;
                }

                throw new RefusedException(IdentityProblems.From(created, nameof(RegisterOrganisation.Password), nameof(RegisterOrganisation.Email)));
            }

            _audit.Record(
                AuditActions.Registered,
                $"{email} registered \"{organisation.LegalName}\" ({organisation.CountryOfRegistration}) as its first applicant",
                "User",
                user.Id.ToString());
            if (!(await _users.AddToRoleAsync(user, Roles.Applicant)).Succeeded)
            {
                throw new InvalidOperationException("Identity refused to give a new account the Applicant role.");
            }

            await transaction.CommitAsync(cancellationToken);
        }

        // The link's token is made once the account is saved: making it may write the key ring, which
        // must not wait for this request's own open transaction. Should this fail, "send the link again" works.
        _emails.ConfirmEmail(user, await _users.GenerateEmailConfirmationTokenAsync(user));
        await _db.SaveChangesAsync(cancellationToken);
        return email;
    }

    /// <summary>Tells the owner of an address that someone tried to register with it; never the person who tried.</summary>
    private async Task NotifyExistingOwnerAsync(TrustFundUser owner, CancellationToken cancellationToken)
    {
        string? confirmationToken = null;
        if (owner is { EmailConfirmed: false, IsActive: true } && await _users.HasPasswordAsync(owner))
        {
            confirmationToken = await _users.GenerateEmailConfirmationTokenAsync(owner);
        }

        _emails.ExistingAccountNotice(owner, confirmationToken);
        _audit.Record(AuditActions.RegistrationWithExistingEmail, $"Registration attempted with the address of {owner.Email}; the owner was notified", "User", owner.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
    }
}
