using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;

namespace TrustFund.Web.Features.Users;

/// <summary>The roles an administrator gives a user (the checked boxes).</summary>
public sealed class UserRolesInput
{
    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public sealed class Validator : AbstractValidator<UserRolesInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Roles)
                .Must(roles => roles.All(TrustFund.Application.Accounts.Roles.All.Contains)).WithMessage(_ => text["Select roles from the list."]);
        }
    }
}
