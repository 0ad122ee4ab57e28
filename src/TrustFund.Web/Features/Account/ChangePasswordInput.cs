using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Account;

/// <summary>A signed-in user changing their password.</summary>
public sealed class ChangePasswordInput
{
    [Display(Name = "Current password")]
    public string? CurrentPassword { get; set; }

    [Display(Name = "New password")]
    public string? NewPassword { get; set; }

    [Display(Name = "Confirm new password")]
    public string? ConfirmPassword { get; set; }

    public sealed class Validator : AbstractValidator<ChangePasswordInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.CurrentPassword)
                .NotEmpty().WithMessage(_ => text["Enter your current password."])
                .MaximumLength(1024).WithMessage(_ => text["Your current password is incorrect."]);
            RuleFor(x => x.NewPassword).NewPassword(text)
                .NotEqual(x => x.CurrentPassword).WithMessage(_ => text["Your new password must be different from your current password."]);
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Enter your new password again to confirm it."])
                .Equal(x => x.NewPassword).WithMessage(_ => text["The passwords do not match. Enter the same new password twice."])
                .When(x => !string.IsNullOrEmpty(x.NewPassword));
        }
    }
}
