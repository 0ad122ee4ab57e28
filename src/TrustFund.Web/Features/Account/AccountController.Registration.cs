using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>An NGO registering itself, confirming its email address and asking for a new confirmation link.</summary>
public sealed partial class AccountController
{
    [HttpGet("Register")]
    [AllowAnonymous]
    public IActionResult Register() => View(new RegisterInput());

    [HttpPost("Register")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> Register(RegisterInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return RegisterForm(input);
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var email = input.Email!.Trim();
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.FullName!.Trim(),
            CreatedAtUtc = now,
        };

        // Password rules do not depend on the address, so checking them first keeps the answer the
        // same whether or not an account already uses it.
        if (!await CheckNewPasswordAsync(user, input.Password!, nameof(RegisterInput.Password)))
        {
            return RegisterForm(input);
        }

        var existing = await _users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Hash anyway so this path takes about as long as creating an account.
            _ = _users.PasswordHasher.HashPassword(existing, input.Password!);
            await NotifyExistingOwnerAsync(existing, cancellationToken);
            return CheckEmail(email, CheckEmailReason.Registered);
        }

        Organisation organisation;
        try
        {
            organisation = Organisation.Register(input.OrganisationName!, input.Country!, now);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(ex.Code == "organisation.country-invalid" ? nameof(RegisterInput.Country) : nameof(RegisterInput.OrganisationName), ex.Message);
            return RegisterForm(input);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        _db.Organisations.Add(organisation);
        user.OrganisationId = organisation.Id;
        var created = await _users.CreateAsync(user, input.Password!);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))
                && await _users.FindByEmailAsync(email) is { } owner)
            {
                await NotifyExistingOwnerAsync(owner, cancellationToken);
                return CheckEmail(email, CheckEmailReason.Registered);
            }

            AddIdentityErrors(created, nameof(RegisterInput.Password), nameof(RegisterInput.Email));
            return RegisterForm(input);
        }

        EnsureSucceeded(await _users.AddToRoleAsync(user, Roles.Applicant));
        var token = await _users.GenerateEmailConfirmationTokenAsync(user);
        _outbox.Enqueue(_emails.ConfirmEmail(user, _links.ConfirmEmail(user.Id, token)));
        _audit.Record(
            AuditActions.Registered,
            $"{email} registered \"{organisation.LegalName}\" ({organisation.CountryOfRegistration}) as its first applicant",
            "User",
            user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CheckEmail(email, CheckEmailReason.Registered);
    }

    [HttpGet("ConfirmEmail")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code, CancellationToken cancellationToken)
    {
        if (await ReadLinkAsync(userId, code) is not { } link)
        {
            return LinkInvalid(EmailLinkKind.EmailConfirmation);
        }

        var (user, token) = link;

        if (user.EmailConfirmed)
        {
            return await _users.VerifyUserTokenAsync(user, _users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<TrustFundUser>.ConfirmEmailTokenPurpose, token)
                ? View("EmailConfirmed", new EmailConfirmedModel(AlreadyConfirmed: true))
                : LinkInvalid(EmailLinkKind.EmailConfirmation);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var confirmed = await _users.ConfirmEmailAsync(user, token);
        if (!confirmed.Succeeded)
        {
            return LinkInvalid(EmailLinkKind.EmailConfirmation);
        }

        _audit.Record(AuditActions.EmailConfirmed, $"{user.Email} confirmed their email address", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return View("EmailConfirmed", new EmailConfirmedModel(AlreadyConfirmed: false));
    }

    [HttpGet("ResendConfirmation")]
    [AllowAnonymous]
    public IActionResult ResendConfirmation() => View(new EmailAddressInput());

    [HttpPost("ResendConfirmation")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ResendConfirmation(EmailAddressInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        var user = await _users.FindByEmailAsync(email);
        if (user is { EmailConfirmed: false, IsActive: true } && await _users.HasPasswordAsync(user))
        {
            var token = await _users.GenerateEmailConfirmationTokenAsync(user);
            _outbox.Enqueue(_emails.ConfirmEmail(user, _links.ConfirmEmail(user.Id, token)));
            await _db.SaveChangesAsync(cancellationToken);
        }

        return CheckEmail(email, CheckEmailReason.ConfirmationRequested);
    }

    /// <summary>Tells the owner of an address that someone tried to register with it; never the person who tried.</summary>
    private async Task NotifyExistingOwnerAsync(TrustFundUser owner, CancellationToken cancellationToken)
    {
        string? confirmationLink = null;
        if (owner is { EmailConfirmed: false, IsActive: true } && await _users.HasPasswordAsync(owner))
        {
            confirmationLink = _links.ConfirmEmail(owner.Id, await _users.GenerateEmailConfirmationTokenAsync(owner));
        }

        _outbox.Enqueue(_emails.ExistingAccountNotice(owner, confirmationLink));
        _audit.Record(AuditActions.RegistrationWithExistingEmail, $"Registration attempted with the address of {owner.Email}; the owner was notified", "User", owner.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
    }

    private ViewResult RegisterForm(RegisterInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(nameof(Register), input);
    }

    private ViewResult CheckEmail(string email, CheckEmailReason reason) => View("CheckEmail", new CheckEmailModel(email, reason));
}
