using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Account;

/// <summary>An NGO registering itself, confirming its email address and asking for a new confirmation link.</summary>
[Route("Account")]
public sealed class RegistrationController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public RegistrationController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("Register")]
    [AllowAnonymous]
    public IActionResult Register() => View(AccountViews.Register, new RegisterInput());

    [HttpPost("Register")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> Register(RegisterInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return RegisterForm(input);
        }

        var outcome = await _useCases.RunAsync(
            new RegisterOrganisation(input.OrganisationName!, input.Country!, input.FullName!, input.Email!, input.Password!),
            cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return RegisterForm(input);
        }

        return CheckEmail(outcome.Value, CheckEmailReason.Registered);
    }

    [HttpGet("ConfirmEmail")]
    [AllowAnonymous]
    public async Task<IActionResult> ConfirmEmail(string? userId, string? code, CancellationToken cancellationToken) =>
        (await _useCases.RunAsync(new ConfirmEmail(userId, code), cancellationToken)).Value switch
        {
            EmailConfirmation.Confirmed => View(AccountViews.EmailConfirmed, new EmailConfirmedModel(AlreadyConfirmed: false)),
            EmailConfirmation.AlreadyConfirmed => View(AccountViews.EmailConfirmed, new EmailConfirmedModel(AlreadyConfirmed: true)),
            _ => View(AccountViews.LinkInvalid, new LinkInvalidModel(EmailLinkKind.EmailConfirmation)),
        };

    [HttpGet("ResendConfirmation")]
    [AllowAnonymous]
    public IActionResult ResendConfirmation() => View(AccountViews.ResendConfirmation, new EmailAddressInput());

    [HttpPost("ResendConfirmation")]
    [RateLimited(RateLimitPolicies.AccountEmails)]
    [AllowAnonymous]
    public async Task<IActionResult> ResendConfirmation(EmailAddressInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(AccountViews.ResendConfirmation, input);
        }

        await _useCases.RunAsync(new ResendConfirmation(input.Email!), cancellationToken);
        return CheckEmail(input.Email!.Trim(), CheckEmailReason.ConfirmationRequested);
    }

    private ViewResult RegisterForm(RegisterInput input)
    {
        input.Password = null;
        input.ConfirmPassword = null;
        return View(AccountViews.Register, input);
    }

    private ViewResult CheckEmail(string email, CheckEmailReason reason) =>
        View(AccountViews.CheckEmail, new CheckEmailModel(email, reason));
}
