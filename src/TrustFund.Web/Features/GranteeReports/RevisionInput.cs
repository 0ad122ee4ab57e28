using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>A fund manager's review: accepting needs only the version; a request for revision needs a comment and may set a day to resubmit by.</summary>
public sealed class RevisionInput
{
    /// <summary>The report's version when the page was shown.</summary>
    public Guid? Version { get; set; }

    [Display(Name = "What needs revising")]
    public string? Comment { get; set; }

    /// <summary>The last day to resubmit, as yyyy-MM-dd (a date field); optional.</summary>
    [Display(Name = "Resubmit by (optional)")]
    public string? ResubmitBy { get; set; }

    public DateOnly? ResubmitByDay =>
        DateOnly.TryParseExact(ResubmitBy?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;

    public sealed class Validator : AbstractValidator<RevisionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Comment).MaximumLength(GranteeReport.CommentMaxLength)
                .WithMessage(_ => text.GetString("The comment must be {0:N0} characters or fewer.", GranteeReport.CommentMaxLength).Value);
            RuleFor(x => x.ResubmitBy).Must((input, value) => string.IsNullOrWhiteSpace(value) || input.ResubmitByDay is not null)
                .WithMessage(_ => text["Enter the day to resubmit by as a date, such as 2026-09-30."].Value);
        }
    }
}
