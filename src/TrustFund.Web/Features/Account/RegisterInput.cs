using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.Account;

/// <summary>An NGO registering itself and its first user.</summary>
public sealed class RegisterInput
{
    [Display(Name = "Organisation's full legal name")]
    public string? OrganisationName { get; set; }

    [Display(Name = "Country where the organisation is registered")]
    public string? Country { get; set; }

    [Display(Name = "Your full name")]
    public string? FullName { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Password")]
    public string? Password { get; set; }

    [Display(Name = "Confirm password")]
    public string? ConfirmPassword { get; set; }

    public sealed class Validator : AbstractValidator<RegisterInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.OrganisationName).Name(
                Organisation.LegalNameMaxLength,
                text,
                "Enter your organisation's full legal name.",
                "The legal name must be 300 characters or fewer.",
                "Remove line breaks and other invisible characters from the legal name.");
            RuleFor(x => x.Country)
                .Must(Countries.IsKnown).WithMessage(_ => text["Select the country where your organisation is registered."]);
            RuleFor(x => x.FullName).Name(
                TrustFundUser.DisplayNameMaxLength,
                text,
                "Enter your full name.",
                "Your full name must be 200 characters or fewer.",
                "Remove line breaks and other invisible characters from your name.");
            RuleFor(x => x.Email).EmailAddress(text);
            RuleFor(x => x.Password).NewPassword(text);
            RuleFor(x => x.ConfirmPassword).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Enter your password again to confirm it."])
                .Equal(x => x.Password).WithMessage(_ => text["The passwords do not match. Enter the same password twice."])
                .When(x => !string.IsNullOrEmpty(x.Password));
        }
    }
}
