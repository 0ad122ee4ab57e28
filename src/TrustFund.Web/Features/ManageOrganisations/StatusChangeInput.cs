using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.ManageOrganisations;

/// <summary>A verification decision on an organisation; the reason is required to reject or suspend.</summary>
public sealed class StatusChangeInput
{
    public const int ReasonMaxLength = 2000;

    public Guid Version { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<StatusChangeInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Reason).MaximumLength(ReasonMaxLength).WithMessage(_ => text["The reason must be {0} characters or fewer.", ReasonMaxLength]);
        }
    }
}
