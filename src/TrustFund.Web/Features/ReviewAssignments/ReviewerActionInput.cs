using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.ReviewAssignments;

/// <summary>
/// One of the small forms of an application's reviewers page: the reviewer or assignment it concerns,
/// the version the page showed, a due date (yyyy-mm-dd) and a reason, as each action needs.
/// </summary>
public sealed class ReviewerActionInput
{
    public Guid? ReviewerId { get; set; }

    public Guid? AssignmentId { get; set; }

    public Guid? Version { get; set; }

    public string? DueOn { get; set; }

    public string? Reason { get; set; }

    /// <summary>The due date given, or null when the field is empty.</summary>
    public DateOnly? DueDate => TryReadDate(DueOn, out var date) ? date : null;

    public static bool TryReadDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    public sealed class Validator : AbstractValidator<ReviewerActionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.DueOn).Must(v => TryReadDate(v, out _))
                .WithMessage(_ => text["Enter the due date as a date, such as 2026-03-31."]);
            RuleFor(x => x.Reason).MaximumLength(ConflictRuling.ReasonMaxLength)
                .WithMessage(_ => text["Write at most {0} characters.", ConflictRuling.ReasonMaxLength]);
        }
    }
}
