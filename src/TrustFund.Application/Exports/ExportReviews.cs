using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Exports;

/// <summary>
/// The submitted reviews as a file, of one call or of every call: application reference, reviewer, the
/// score on each criterion, the weighted score, the recommendation and when it was submitted. Reviews a
/// reviewer withdrew from (recused, removed) or not yet submitted are left out, and so is any review by a
/// reviewer whose conflict with the organisation a fund manager has pinned. For one call each criterion
/// of its rubric has a column; for every call the scores share one column, named by criterion.
/// </summary>
public sealed record ExportReviews(Guid? CallId) : IUseCase<ExportTable>
{
    /// <summary>The columns before the scores.</summary>
    public static IReadOnlyList<string> LeadingHeaders { get; } = ["Application reference", "Call", "Reviewer"];

    /// <summary>The one scores column when reviews of several calls (several rubrics) are exported together.</summary>
    public const string AllCriteriaHeader = "Criterion scores";

    /// <summary>The columns after the scores.</summary>
    public static IReadOnlyList<string> TrailingHeaders { get; } = ["Weighted score", "Recommendation", "Submitted (UTC)"];
}

internal sealed class ExportReviewsHandler : IUseCaseHandler<ExportReviews, ExportTable>
{
    private readonly ITrustFundDb _db;

    public ExportReviewsHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<ExportTable> HandleAsync(ExportReviews request, CancellationToken cancellationToken)
    {
        var calls = await _db.Calls.AsNoTracking()
            .Where(c => request.CallId == null || c.Id == request.CallId)
            .Select(c => new CallRubric(c.Id, c.Code, c.Terms.Rubric))
            .ToDictionaryAsync(c => c.Id, cancellationToken);
        if (request.CallId is { } callId && !calls.ContainsKey(callId))
        {
            throw new NotFoundException();
        }

        var rubric = request.CallId is { } one ? calls[one].Rubric : null;
        List<string> headers = [.. ExportReviews.LeadingHeaders];
        headers.AddRange(rubric is null ? [ExportReviews.AllCriteriaHeader] : rubric.Select(c => c.Name));
        headers.AddRange(ExportReviews.TrailingHeaders);
        var name = rubric is null ? "reviews" : $"reviews-{calls[request.CallId!.Value].Code}";
        return new ExportTable(name, headers, RowsAsync(request.CallId, calls, rubric, cancellationToken));
    }

    private async IAsyncEnumerable<object?[]> RowsAsync(Guid? callId, Dictionary<Guid, CallRubric> calls, IReadOnlyList<RubricCriterion>? rubric, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reviews = _db.ReviewAssignments.AsNoTracking()
            .Where(r => r.Status == AssignmentStatus.Submitted)
            .Where(r => !_db.ConflictRulings.Any(c => c.ReviewerId == r.ReviewerId && c.OrganisationId == r.OrganisationId && c.Kind == ConflictRulingKind.Pinned));
        if (callId is { } id)
        {
            reviews = reviews.Where(r => r.CallId == id);
        }

        var rows = reviews
            .OrderBy(r => r.CallId).ThenBy(r => r.ApplicationReference).ThenBy(r => r.ReviewerName).ThenBy(r => r.Id)
            .Select(r => new { r.CallId, r.ApplicationReference, r.ReviewerName, r.Scores, r.WeightedScore, r.Recommendation, r.SubmittedAtUtc });
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var call = calls.GetValueOrDefault(row.CallId);
            var cells = new List<object?> { row.ApplicationReference, call?.Code, row.ReviewerName };
            if (rubric is null)
            {
                var names = call?.Rubric.ToDictionary(c => c.Key, c => c.Name) ?? [];
                cells.Add(string.Join("; ", row.Scores.Select(s => $"{names.GetValueOrDefault(s.Key, s.Key)}: {s.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}")));
            }
            else
            {
                cells.AddRange(rubric.Select(c => (object?)row.Scores.FirstOrDefault(s => s.Key == c.Key)?.Score));
            }

            cells.AddRange([row.WeightedScore, row.Recommendation?.ToString(), row.SubmittedAtUtc]);
            yield return [.. cells];
        }
    }

    private sealed record CallRubric(Guid Id, string Code, IReadOnlyList<RubricCriterion> Rubric);
}
