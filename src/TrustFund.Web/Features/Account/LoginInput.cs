using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

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
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => text["Enter your email address."])
                .MaximumLength(256).WithMessage(_ => text["Email addresses are 256 characters or fewer."]);
            RuleFor(x => x.Password).NotEmpty().WithMessage(_ => text["Enter your password."])
                .MaximumLength(1024).WithMessage(_ => text["Enter your password."]);
        }
    }
}
