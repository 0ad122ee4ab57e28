using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.Reviews;

/// <summary>The review form: each criterion's score and comment, the recommendation, the summary, and whether to submit.</summary>
public sealed class ReviewInput
{
    public const string SaveDraft = "save";
    public const string Submit = "submit";

    /// <summary>The assignment's version when the form was shown.</summary>
    public Guid? Version { get; set; }

    public List<ScoreInput> Scores { get; set; } = [];

    public string? Recommendation { get; set; }

    public string? Summary { get; set; }

    /// <summary><see cref="SaveDraft"/> or <see cref="Submit"/> (the button pressed; not "Action", which routing already names).</summary>
    public string? Intent { get; set; }

    public bool Submits => Intent == Submit;

    public Recommendation? ChosenRecommendation => ReviewForms.Named<Recommendation>(Recommendation);

    /// <summary>The scores as the use case takes them (an empty score is not scored yet).</summary>
    public IReadOnlyList<CriterionScore> CriterionScores() =>
        [.. Scores.Select(s => new CriterionScore(s.Key ?? string.Empty, ReviewForms.WholeNumber(s.Score), s.Comment ?? string.Empty))];

    public sealed class Validator : AbstractValidator<ReviewInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Intent).Must(a => a is SaveDraft or Submit)
                .WithMessage(_ => text["Choose whether to save a draft or submit the review."]);
            RuleFor(x => x.Recommendation).Must(r => string.IsNullOrEmpty(r) || ReviewForms.IsNamed<Recommendation>(r))
                .WithMessage(_ => text["Choose fund, reserve or reject."]);
            RuleFor(x => x.Summary).MaximumLength(ReviewAssignment.SummaryMaxLength)
                .WithMessage(_ => text["The summary must be {0} characters or fewer.", ReviewAssignment.SummaryMaxLength]);
            RuleForEach(x => x.Scores).ChildRules(score =>
            {
                score.RuleFor(s => s.Score).Must(s => string.IsNullOrEmpty(s) || ReviewForms.WholeNumber(s) is not null)
                    .WithMessage(_ => text["Give a score as a whole number on the scale."]);
                score.RuleFor(s => s.Comment).MaximumLength(ReviewAssignment.CommentMaxLength)
                    .WithMessage(_ => text["Comments must be {0} characters or fewer.", ReviewAssignment.CommentMaxLength]);
            });
        }
    }
}

/// <summary>One criterion's score (empty: not scored yet) and comment.</summary>
public sealed class ScoreInput
{
    public string? Key { get; set; }

    public string? Score { get; set; }

    public string? Comment { get; set; }
}
