using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>An applicant's clarification question about a call.</summary>
public sealed class QuestionInput
{
    [Display(Name = "Your question")]
    public string? Question { get; set; }

    public sealed class Validator : AbstractValidator<QuestionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Question).NotEmpty().WithMessage(_ => text["Enter your question."])
                .MaximumLength(ClarificationQuestion.TextMaxLength)
                .WithMessage(x => text["Your question must be {0:N0} characters or fewer; it has {1:N0}.", ClarificationQuestion.TextMaxLength, x.Question!.Length]);
        }
    }
}
