using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>The Secretariat's answer to a clarification question.</summary>
public sealed class AnswerInput
{
    [Display(Name = "Answer")]
    public string? Answer { get; set; }

    /// <summary>True when the "Save and publish" button was pressed.</summary>
    public bool Publish { get; set; }

    public Guid? Version { get; set; }

    public sealed class Validator : AbstractValidator<AnswerInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Answer).NotEmpty().WithMessage(_ => text["Enter the answer."])
                .MaximumLength(ClarificationQuestion.TextMaxLength)
                .WithMessage(x => text["The answer must be {0:N0} characters or fewer; it has {1:N0}.", ClarificationQuestion.TextMaxLength, x.Answer!.Length]);
        }
    }
}
