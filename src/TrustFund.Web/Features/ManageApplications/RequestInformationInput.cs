using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>A fund manager's request for more information.</summary>
public sealed class RequestInformationInput
{
    public Guid Version { get; set; }

    [Display(Name = "What information do you need?")]
    public string? Message { get; set; }

    public sealed class Validator : AbstractValidator<RequestInformationInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Message).NotEmpty().WithMessage(_ => text["Write what information you need."])
                .MaximumLength(GrantApplication.ReasonMaxLength).WithMessage(_ => text["Write at most {0} characters.", GrantApplication.ReasonMaxLength]);
        }
    }
}
