using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.CallReviews;

/// <summary>The review settings form of a call (numbers as typed; the call checks their ranges).</summary>
public sealed class ReviewSettingsInput
{
    public Guid? Version { get; set; }

    public string? ReviewersPerApplication { get; set; }

    public string? ReviewDays { get; set; }

    public string? DisagreementThreshold { get; set; }

    public string? MinimumScore { get; set; }

    public bool ReviewersSeeOtherReviews { get; set; }

    public string? RankBy { get; set; }

    public static ReviewSettingsInput From(CallTerms terms, Guid version) => new()
    {
        Version = version,
        ReviewersPerApplication = terms.ReviewersPerApplication.ToString(CultureInfo.InvariantCulture),
        ReviewDays = terms.ReviewDays.ToString(CultureInfo.InvariantCulture),
        DisagreementThreshold = terms.DisagreementThreshold.ToString(CultureInfo.InvariantCulture),
        MinimumScore = terms.MinimumScore?.ToString(CultureInfo.InvariantCulture),
        ReviewersSeeOtherReviews = terms.ReviewersSeeOtherReviews,
        RankBy = terms.RankBy.ToString(),
    };

    public static int Whole(string? text) => int.Parse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static bool IsWhole(string? text) => int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);

    public int? MinimumValue() => string.IsNullOrWhiteSpace(MinimumScore) ? null : Whole(MinimumScore);

    public RankingBasis RankingValue() => Enum.Parse<RankingBasis>(RankBy!);

    public sealed class Validator : AbstractValidator<ReviewSettingsInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.ReviewersPerApplication).Must(IsWhole).WithMessage(_ => text["Enter how many reviewers score each application, such as 3."]);
            RuleFor(x => x.ReviewDays).Must(IsWhole).WithMessage(_ => text["Enter the number of days reviewers have, such as 21."]);
            RuleFor(x => x.DisagreementThreshold).Must(IsWhole).WithMessage(_ => text["Enter the disagreement threshold in points, such as 25."]);
            RuleFor(x => x.MinimumScore).Must(v => string.IsNullOrWhiteSpace(v) || IsWhole(v)).WithMessage(_ => text["Enter the minimum score as a whole number from 0 to 100, or leave it empty."]);
            RuleFor(x => x.RankBy).Must(v => Enum.TryParse<RankingBasis>(v, out var r) && Enum.IsDefined(r) && !int.TryParse(v, out _)).WithMessage(_ => text["Choose raw or normalised scores for the ranking."]);
        }
    }
}
