using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Organisations;

/// <summary>The bank account form.</summary>
public sealed class BankInput : IVersionedInput
{
    public Guid Version { get; set; }

    [Display(Name = "Bank name")]
    public string? BankName { get; set; }

    [Display(Name = "SWIFT/BIC code")]
    public string? SwiftBic { get; set; }

    [Display(Name = "IBAN or account number")]
    public string? AccountNumber { get; set; }

    [Display(Name = "Account holder's name")]
    public string? AccountHolder { get; set; }

    public sealed class Validator : AbstractValidator<BankInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.BankName).NotEmpty().WithMessage(_ => text["Enter the bank's name."])
                .MaximumLength(200).WithMessage(_ => text["The bank's name must be 200 characters or fewer."]);
            RuleFor(x => x.SwiftBic).Matches("^[A-Za-z]{6}[A-Za-z0-9]{2}([A-Za-z0-9]{3})?$").When(x => !string.IsNullOrWhiteSpace(x.SwiftBic))
                .WithMessage(_ => text["Enter a SWIFT/BIC code of 8 or 11 letters and digits, such as DEUTDEFF."]);
            RuleFor(x => x.AccountNumber).NotEmpty().WithMessage(_ => text["Enter the IBAN or account number."])
                .MaximumLength(50).WithMessage(_ => text["The account number must be 50 characters or fewer."]);
            RuleFor(x => x.AccountHolder).NotEmpty().WithMessage(_ => text["Enter the name the account is held in."])
                .MaximumLength(300).WithMessage(_ => text["The account holder's name must be 300 characters or fewer."]);
        }
    }
}
