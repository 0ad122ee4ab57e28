using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Account;

/// <summary>A form that asks only for an email address (forgotten password, new confirmation link).</summary>
public sealed class EmailAddressInput
{
    [Display(Name = "Email address")]
    public string? Email { get; set; }

    public sealed class Validator : AbstractValidator<EmailAddressInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Email).EmailAddress(text);
        }
    }
}
