using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>A 6-digit code from an authenticator app (at sign-in or to confirm enrolment).</summary>
public sealed class AuthenticatorCodeInput
{
    [Display(Name = "Code from your authenticator app")]
    public string? Code { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The code without the spaces or dashes some apps show in the middle.</summary>
    public string Digits => new((Code ?? string.Empty).Where(c => c is not (' ' or '-')).ToArray());

    public sealed class Validator : AbstractValidator<AuthenticatorCodeInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Code).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Enter the 6-digit code from your authenticator app."])
                .MaximumLength(20).WithMessage(_ => text["The code is 6 digits, like 123456."])
                .Must((input, _) => input.Digits.Length == 6 && input.Digits.All(char.IsAsciiDigit))
                .WithMessage(_ => text["The code is 6 digits, like 123456."]);
        }
    }
}
