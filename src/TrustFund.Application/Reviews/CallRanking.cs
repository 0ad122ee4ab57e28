using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>What the ranking needs of a call.</summary>
public sealed record RankingCall(
    Guid Id,
    string Code,
    string Title,
    decimal Envelope,
    int ReviewersPerApplication,
    int DisagreementThreshold,
    int? MinimumScore,
    RankingBasis RankBy,
    DateTime? RubricLockedAtUtc);

/// <summary>A screened application of the call, as the ranking reads it.</summary>
public sealed record RankingApplication(
    Guid Id,
    string? Reference,
    string Title,
    string OrganisationName,
    ApplicationStatus Status,
    decimal? AmountRequested,
    string CountryIndex,
    string AssistanceIndex);

/// <summary>One assignment of the call, as the ranking reads it (scores only once submitted).</summary>
public sealed record RankingReview(Guid ApplicationId, Guid ReviewerId, AssignmentStatus Status, decimal? WeightedScore, Recommendation? Recommendation);

/// <summary>Why an application's reviews disagree.</summary>
[Flags]
public enum Disagreement
{
    None = 0,

    /// <summary>The spread of the weighted scores reached the call's threshold.</summary>
    Spread = 1,

    /// <summary>One reviewer recommends funding and another rejection.</summary>
    FundAndReject = 2,
}

/// <summary>One line of a call's ranking.</summary>
/// <param name="Rank">1 for the best; null when not ranked (not eligible, or no review submitted yet).</param>
/// <param name="Raw">Statistics of the submitted reviews' weighted scores (0-100); null without any.</param>
/// <param name="Normalised">The mean of the reviews' scores normalised per reviewer; null without any.</param>
/// <param name="Score">The score the call ranks by (raw mean or normalised).</param>
/// <param name="Cumulative">The requested amounts of this line and every fundable line above it; null when not counted.</param>
/// <param name="WithinEnvelope">Whether <paramref name="Cumulative"/> is within the call's envelope.</param>
public sealed record RankedApplication(
    int? Rank,
    Guid ApplicationId,
    string? Reference,
    string Title,
    string OrganisationName,
    ApplicationStatus Status,
    decimal? AmountRequested,
    IReadOnlyList<string> Countries,
    IReadOnlyList<string> Regions,
    IReadOnlyList<AssistanceType> Assistance,
    int ReviewsSubmitted,
    int ReviewsOpen,
    bool ReviewsComplete,
    ScoreStatistics? Raw,
    decimal? Normalised,
    decimal? Score,
    Disagreement Disagreement,
    bool BelowMinimum,
    int Fund,
    int Reserve,
    int Reject,
    decimal? Cumulative,
    bool WithinEnvelope)
{
    /// <summary>Eligible: found eligible at screening (everything in the ranking but the ineligible).</summary>
    public bool Eligible => Status != ApplicationStatus.Ineligible;
}

/// <summary>
/// A call's ranking: every screened application (ineligible ones last, unranked), ranked by the call's
/// chosen score, with the cumulative requested amount against the envelope.
/// </summary>
/// <param name="EnvelopeRunsOutAtRank">The rank of the first fundable line the envelope cannot cover; null when it covers them all.</param>
public sealed record CallRanking(RankingCall Call, IReadOnlyList<RankedApplication> Lines, int? EnvelopeRunsOutAtRank)
{
    public int Ranked => Lines.Count(l => l.Rank is not null);

    public int Complete => Lines.Count(l => l.Eligible && l.ReviewsComplete);

    public int Flagged => Lines.Count(l => l.Disagreement != Disagreement.None);
}

/// <summary>
/// Builds a call's ranking from its screened applications and its assignments. Ranked: eligible
/// applications with at least one submitted review, by the call's score (normalised or raw mean),
/// then by raw mean, then by reference. Applications below the call's minimum score are ranked and
/// marked, and not counted against the envelope (the Board would not fund them); the cumulative
/// amount runs down the other ranked lines in rank order.
/// </summary>
public static class RankingBuilder
{
    public static CallRanking Build(RankingCall call, IReadOnlyList<RankingApplication> applications, IReadOnlyList<RankingReview> reviews)
    {
        var eligibleIds = applications.Where(a => a.Status != ApplicationStatus.Ineligible).Select(a => a.Id).ToHashSet();
        var submitted = reviews
            .Where(r => r.Status == AssignmentStatus.Submitted && r.WeightedScore is not null && eligibleIds.Contains(r.ApplicationId))
            .ToList();
        var normalised = Normalisation.Normalise([.. submitted.Select(r => new ScoredReview(r.ReviewerId, r.ApplicationId, r.WeightedScore!.Value))]);
        var normalisedByApplication = new Dictionary<Guid, List<decimal>>();
        for (var i = 0; i < submitted.Count; i++)
        {
            if (!normalisedByApplication.TryGetValue(submitted[i].ApplicationId, out var list))
            {
                normalisedByApplication[submitted[i].ApplicationId] = list = [];
            }

            list.Add(normalised[i]);
        }

        var byApplication = reviews.ToLookup(r => r.ApplicationId);
        var lines = applications.Select(a => Line(call, a, byApplication[a.Id], normalisedByApplication.GetValueOrDefault(a.Id))).ToList();

        var ranked = lines.Where(l => l.Eligible && l.Raw is not null)
            .OrderByDescending(l => l.Score)
            .ThenByDescending(l => l.Raw!.Mean)
            .ThenBy(l => l.Reference ?? l.Title, StringComparer.Ordinal)
            .ToList();
        var unranked = lines.Where(l => l.Eligible && l.Raw is null).OrderBy(l => l.Reference ?? l.Title, StringComparer.Ordinal);
        var ineligible = lines.Where(l => !l.Eligible).OrderBy(l => l.Reference ?? l.Title, StringComparer.Ordinal);

        var result = new List<RankedApplication>(lines.Count);
        var cumulative = 0m;
        int? runsOutAt = null;
        for (var i = 0; i < ranked.Count; i++)
        {
            var line = ranked[i] with { Rank = i + 1 };
            if (!line.BelowMinimum)
            {
                cumulative += line.AmountRequested ?? 0m;
                var within = cumulative <= call.Envelope;
                runsOutAt ??= within ? null : line.Rank;
                line = line with { Cumulative = cumulative, WithinEnvelope = within };
            }

            result.Add(line);
        }

        result.AddRange(unranked);
        result.AddRange(ineligible);
        return new CallRanking(call, result, runsOutAt);
    }

    private static RankedApplication Line(RankingCall call, RankingApplication application, IEnumerable<RankingReview> reviews, List<decimal>? normalised)
    {
        var eligible = application.Status != ApplicationStatus.Ineligible;
        var submitted = 0;
        var open = 0;
        var fund = 0;
        var reserve = 0;
        var reject = 0;
        var scores = new List<decimal>();
        foreach (var review in reviews)
        {
            switch (review.Status)
            {
                case AssignmentStatus.Pending or AssignmentStatus.Draft:
                    open++;
                    break;
                case AssignmentStatus.Submitted:
                    submitted++;
                    scores.Add(review.WeightedScore ?? 0m);
                    fund += review.Recommendation == Recommendation.Fund ? 1 : 0;
                    reserve += review.Recommendation == Recommendation.Reserve ? 1 : 0;
                    reject += review.Recommendation == Recommendation.Reject ? 1 : 0;
                    break;
            }
        }

        var raw = eligible ? ScoreStatistics.Of(scores) : null;
        decimal? normalisedMean = raw is not null && normalised is { Count: > 0 } ? Math.Round(normalised.Average(), 2, MidpointRounding.AwayFromZero) : null;
        var score = raw is null ? null : call.RankBy == RankingBasis.Normalised ? normalisedMean : raw.Mean;
        var disagreement = Disagreement.None;
        if (raw is not null && raw.Count > 1 && raw.Spread >= call.DisagreementThreshold)
        {
            disagreement |= Disagreement.Spread;
        }

        if (fund > 0 && reject > 0)
        {
            disagreement |= Disagreement.FundAndReject;
        }

        var countries = Split(application.CountryIndex);
        return new RankedApplication(
            Rank: null,
            application.Id,
            application.Reference,
            application.Title,
            application.OrganisationName,
            application.Status,
            application.AmountRequested,
            countries,
            [.. countries.Select(RegionOf).OfType<string>().Distinct(StringComparer.Ordinal)],
            [.. Split(application.AssistanceIndex).Select(t => Enum.TryParse<AssistanceType>(t, out var type) ? type : (AssistanceType?)null).OfType<AssistanceType>()],
            submitted,
            open,
            eligible && ReviewProgress.IsComplete(open, submitted, call.ReviewersPerApplication),
            raw,
            normalisedMean,
            score,
            disagreement,
            BelowMinimum: score is not null && call.MinimumScore is { } minimum && score < minimum,
            fund,
            reserve,
            reject,
            Cumulative: null,
            WithinEnvelope: false);
    }

    /// <summary>The country's region (its M49 area just below World: Africa, Americas, Asia, Europe, Oceania).</summary>
    private static string? RegionOf(string iso3) => UnM49.AreasOf(iso3).FirstOrDefault(a => a.ParentCode == "001")?.Code;

    private static string[] Split(string index) => index.Split('|', StringSplitOptions.RemoveEmptyEntries);
}
