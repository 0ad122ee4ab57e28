using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.Applications;

/// <summary>Withdrawing an application, with the reason.</summary>
public sealed class WithdrawInput
{
    [Display(Name = "Why are you withdrawing this application?")]
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<WithdrawInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Give a reason for withdrawing."])
                .MaximumLength(GrantApplication.ReasonMaxLength).WithMessage(_ => text["Write at most {0:N0} characters.", GrantApplication.ReasonMaxLength]);
        }
    }
}
