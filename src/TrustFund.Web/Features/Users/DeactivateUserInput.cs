using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Users;

/// <summary>Why an administrator deactivates an account; kept in the audit trail.</summary>
public sealed class DeactivateUserInput
{
    public const int ReasonMaxLength = 500;

    [Display(Name = "Reason for deactivating")]
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<DeactivateUserInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Reason).Cascade(CascadeMode.Stop)
                .Must(v => !string.IsNullOrWhiteSpace(v)).WithMessage(_ => text["Give the reason for deactivating this account."])
                .Must(v => v!.Trim().Length <= ReasonMaxLength).WithMessage(_ => text["The reason must be 500 characters or fewer."]);
        }
    }
}
