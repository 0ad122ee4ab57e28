using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Features.Account;
using static TrustFund.Web.Features.Languages.Languages;

namespace TrustFund.Web.Features.Users;

/// <summary>An administrator inviting a member of the Secretariat.</summary>
public sealed class InviteUserInput
{
    [Display(Name = "Full name")]
    public string? Name { get; set; }

    [Display(Name = "Email address")]
    public string? Email { get; set; }

    /// <summary>The language of the invitation, which the invited account keeps ("fr"); none: the fund's default language.</summary>
    [Display(Name = "Language of the invitation")]
    public string? Culture { get; set; }

    [Display(Name = "Roles")]
    public List<string> Roles { get; set; } = [];

    public sealed class Validator : AbstractValidator<InviteUserInput>
    {
        public Validator(IStringLocalizer<SharedResource> text, IOptions<RequestLocalizationOptions> localization)
        {
            RuleFor(x => x.Culture)
                .Must(c => string.IsNullOrEmpty(c) || OfferedCulture(localization.Value, c) is not null)
                .WithMessage(_ => text[InvitationLanguage.NotOffered]);
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
