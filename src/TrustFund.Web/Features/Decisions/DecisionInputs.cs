using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Decisions;
using TrustFund.Web.Features.Calls;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Decisions;

/// <summary>A Board session as typed: its number and the day it was held.</summary>
public sealed class SessionInput
{
    [Display(Name = "Session number")]
    public string? Number { get; set; }

    [Display(Name = "Held on")]
    public string? HeldOn { get; set; }

    public DateOnly? HeldOnDate => CallTimes.TryReadDate(HeldOn, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<SessionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Number).NotEmpty().WithMessage(_ => text["Enter the session's number (for example \"27th session\")."])
                .MaximumLength(BoardSession.NumberMaxLength).WithMessage(_ => text.GetString("Write the session's number in at most {0} characters.", BoardSession.NumberMaxLength));
            RuleFor(x => x.HeldOn).Must(v => CallTimes.TryReadDate(v, out _)).WithMessage(_ => text["Enter the day the Board met, such as 2026-05-14."]);
        }
    }
}

/// <summary>The Board's decision on one application as the fund manager records it.</summary>
public sealed class DecisionInput
{
    public Guid? Stamp { get; set; }

    [Display(Name = "Board session")]
    public Guid? SessionId { get; set; }

    [Display(Name = "Decision")]
    public string? Outcome { get; set; }

    [Display(Name = "Approved amount (USD)")]
    public string? Amount { get; set; }

    [Display(Name = "Conditions of the approval")]
    public string? Conditions { get; set; }

    [Display(Name = "Justification of the departure from the ranking")]
    public string? Justification { get; set; }

    [Display(Name = "Feedback to the applicant (sent only when you release it)")]
    public string? Feedback { get; set; }

    public DecisionOutcome? OutcomeValue =>
        Enum.TryParse<DecisionOutcome>(Outcome, out var outcome) && Enum.IsDefined(outcome) && !int.TryParse(Outcome, out _) ? outcome : null;

    public decimal? AmountValue => NumberText.TryReadAmount(Amount, out var amount) == NumberReading.Valid ? amount : null;

    public sealed class Validator : AbstractValidator<DecisionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.SessionId).NotNull().WithMessage(_ => text["Choose the Board session that took the decision."]);
            RuleFor(x => x.Outcome).Must(o => Enum.TryParse<DecisionOutcome>(o, out var v) && Enum.IsDefined(v) && !int.TryParse(o, out _))
                .WithMessage(_ => text["Choose the Board's decision."]);
            RuleFor(x => x.Amount).Custom((value, context) =>
            {
                var reading = NumberText.TryReadAmount(value, out _);
                if (reading == NumberReading.Empty)
                {
                    if (context.InstanceToValidate.Outcome == nameof(DecisionOutcome.Approved))
                    {
                        context.AddFailure(text.GetString("Enter the approved amount in US dollars, like {0}.", NumberText.Example()));
                    }

                    return;
                }

                if (NumberText.AmountProblem(reading, text["approved amount"], value, text) is { } problem)
                {
                    context.AddFailure(problem);
                }
            });
            foreach (var (field, message) in new (System.Linq.Expressions.Expression<Func<DecisionInput, string?>>, string)[]
            {
                (x => x.Conditions, "Write the conditions in at most {0:N0} characters."),
                (x => x.Justification, "Write the justification in at most {0:N0} characters."),
                (x => x.Feedback, "Write the feedback in at most {0:N0} characters."),
            })
            {
                RuleFor(field).MaximumLength(DecisionPolicy.TextMaxLength)
                    .WithMessage(_ => text.GetString(message, DecisionPolicy.TextMaxLength));
            }
        }
    }
}

/// <summary>The feedback on a decision, saved or released.</summary>
public sealed class FeedbackInput
{
    public Guid? SessionId { get; set; }

    public Guid? SessionVersion { get; set; }

    [Display(Name = "Feedback to the applicant")]
    public string? Text { get; set; }

    public sealed class Validator : AbstractValidator<FeedbackInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.SessionId).NotNull().WithMessage(_ => text["This decision no longer exists: open the page again."]);
            RuleFor(x => x.Text).MaximumLength(DecisionPolicy.TextMaxLength)
                .WithMessage(_ => text.GetString("Write the feedback in at most {0:N0} characters.", DecisionPolicy.TextMaxLength));
        }
    }
}
