using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;
using static TrustFund.Web.Features.Languages.Languages;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Invitation of a colleague to the organisation.</summary>
public sealed class InviteMemberInput
{
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    /// <summary>The language of the invitation, which the invited account keeps ("fr"); none: the fund's default language.</summary>
    [Display(Name = "Language of the invitation")]
    public string? Culture { get; set; }

    public sealed class Validator : AbstractValidator<InviteMemberInput>
    {
        public Validator(IStringLocalizer<SharedResource> text, IOptions<RequestLocalizationOptions> localization)
        {
            RuleFor(x => x.Culture)
                .Must(c => string.IsNullOrEmpty(c) || OfferedCulture(localization.Value, c) is not null)
                .WithMessage(_ => text[InvitationLanguage.NotOffered]);
            RuleFor(x => x.Name).NotEmpty().WithMessage(_ => text["Enter your colleague's full name."])
                .MaximumLength(TrustFundUser.DisplayNameMaxLength).WithMessage(_ => text["Names must be {0} characters or fewer.", TrustFundUser.DisplayNameMaxLength]);
            RuleFor(x => x.Email).NotEmpty().WithMessage(_ => text["Enter your colleague's email address."])
                .MaximumLength(256).WithMessage(_ => text["Email addresses are 256 characters or fewer."])
                .EmailAddress().WithMessage(_ => text["Enter an email address in the correct format, like name@example.org."]);
        }
    }
}
