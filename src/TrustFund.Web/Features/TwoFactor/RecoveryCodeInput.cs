using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>One of the recovery codes shown at enrolment, used instead of the app's code.</summary>
public sealed class RecoveryCodeInput
{
    [Display(Name = "Recovery code")]
    public string? RecoveryCode { get; set; }

    public string? ReturnUrl { get; set; }

    /// <summary>The code as Identity stores it: upper case, no spaces.</summary>
    public string Normalised => new string((RecoveryCode ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();

    public sealed class Validator : AbstractValidator<RecoveryCodeInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.RecoveryCode)
                .NotEmpty().WithMessage(_ => text["Enter one of your recovery codes."])
                .MaximumLength(50).WithMessage(_ => text["That recovery code is not right. Check it and try again."]);
        }
    }
}
