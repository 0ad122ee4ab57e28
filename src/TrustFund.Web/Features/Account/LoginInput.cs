using System.ComponentModel.DataAnnotations;
using FluentValidation;

namespace TrustFund.Web.Features.Account;

/// <summary>The sign-in form.</summary>
public sealed class LoginInput
{
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }

    public sealed class Validator : AbstractValidator<LoginInput>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter your email address.")
                .MaximumLength(256).WithMessage("Email addresses are 256 characters or fewer.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter your password.")
                .MaximumLength(1024).WithMessage("Enter your password.");
        }
    }
}
