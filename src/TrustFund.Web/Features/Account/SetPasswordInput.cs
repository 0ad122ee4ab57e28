using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Account;

/// <summary>Choosing a password from an emailed link (password reset or invitation).</summary>
public sealed class SetPasswordInput
{
    public string? UserId { get; set; }

    public string? Code { get; set; }

    [Display(Name = "New password")]
    public string? Password { get; set; }

    [Display(Name = "Confirm new password")]
    public string? ConfirmPassword { get; set; }

    public sealed class Validator : AbstractValidator<SetPasswordInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Password).NewPassword(text);
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Enter your new password again to confirm it."])
                .Equal(x => x.Password).WithMessage(_ => text["The passwords do not match. Enter the same password twice."])
                .When(x => !string.IsNullOrEmpty(x.Password));
        }
    }
}
