using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Features.Account;

namespace TrustFund.Web.Features.Users;

/// <summary>An administrator inviting a member of the Secretariat.</summary>
public sealed class InviteUserInput
{
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public sealed class Validator : AbstractValidator<InviteUserInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Name).Name(
                TrustFundUser.DisplayNameMaxLength,
                text,
                "Enter the person's full name.",
                "The name must be 200 characters or fewer.",
                "Remove line breaks and other invisible characters from the name.");
            RuleFor(x => x.Email).EmailAddress(text);
            RuleFor(x => x.Roles).Cascade(CascadeMode.Stop)
                .NotEmpty().WithMessage(_ => text["Select at least one role."])
                .Must(roles => roles.All(TrustFund.Application.Accounts.Roles.Staff.Contains)).WithMessage(_ => text["Select roles from the list."]);
        }
    }
}
