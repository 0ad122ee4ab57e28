using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Invitation of a colleague to the organisation.</summary>
public sealed class InviteMemberInput
{
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    public sealed class Validator : AbstractValidator<InviteMemberInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => text["Enter your colleague's full name."])
                .MaximumLength(TrustFundUser.DisplayNameMaxLength).WithMessage(_ => text["Names must be {0} characters or fewer.", TrustFundUser.DisplayNameMaxLength]);
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => text["Enter your colleague's email address."])
                .MaximumLength(256).WithMessage(_ => text["Email addresses are 256 characters or fewer."])
                .EmailAddress().WithMessage(_ => text["Enter an email address in the correct format, like name@example.org."]);
        }
    }
}
