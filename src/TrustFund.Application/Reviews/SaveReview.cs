using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The reviewer saves their review as a draft (partial input kept, given scores checked against the
/// scale) or submits it (every criterion scored, a recommendation and a summary), which locks it.
/// Problems name the criterion's key, <c>Recommendation</c> or <c>Summary</c>. <see cref="Version"/> is
/// the assignment's version the form showed.
/// </summary>
public sealed record SaveReview(
    Guid AssignmentId,
    Guid? Version,
    IReadOnlyList<CriterionScore> Scores,
    Recommendation? Recommendation,
    string? Summary,
    bool Submit) : IUseCase<ReviewSaved>;

/// <summary>What saving did.</summary>
public enum ReviewSaved
{
    DraftSaved,
    Submitted,

    /// <summary>The review was already submitted and a submission came again (a double click): nothing changed.</summary>
    AlreadySubmitted,
}

internal sealed class SaveReviewValidator : AbstractValidator<SaveReview>
{
    public SaveReviewValidator()
    {
        RuleFor(x => x.Recommendation).IsInEnum().WithMessage("Choose fund, reserve or reject.");
        RuleFor(x => x.Summary).MaximumLength(ReviewAssignment.SummaryMaxLength)
            .WithText("The summary must be {0:N0} characters or fewer.", ReviewAssignment.SummaryMaxLength);
    }
}

internal sealed class SaveReviewHandler : IUseCaseHandler<SaveReview, ReviewSaved>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public SaveReviewHandler(ITrustFundDb db, ICurrentActor actor, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _audit = audit;
        _clock = clock;
    }

    public async Task<ReviewSaved> HandleAsync(SaveReview request, CancellationToken cancellationToken)
    {
        var assignment = await OwnAssignments.FindAsync(_db, _actor, request.AssignmentId, readOnly: false, cancellationToken);
        if (request.Submit && assignment.Status == AssignmentStatus.Submitted)
        {
            return ReviewSaved.AlreadySubmitted;
        }

        var terms = await _db.Calls.Where(c => c.Id == assignment.CallId).Select(c => c.Terms).SingleAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;

        // A review that is no longer a draft says why (submitted, recused) rather than "changed meanwhile".
        _db.ExpectVersion(assignment, assignment.Status == AssignmentStatus.Draft ? request.Version : assignment.Version);
        if (!request.Submit)
        {
            assignment.SaveDraft(terms, request.Scores, request.Recommendation, request.Summary, now);
            await _db.SaveChangesAsync(cancellationToken);
            return ReviewSaved.DraftSaved;
        }

        assignment.Submit(terms, request.Scores, request.Recommendation, request.Summary, now);
        var label = await _db.Applications.Where(a => a.Id == assignment.ApplicationId).Select(a => a.Reference ?? a.Title).SingleAsync(cancellationToken);
        _audit.Record(
            AuditActions.ReviewSubmitted,
            $"{assignment.ReviewerName} submitted the review of {label}: {assignment.WeightedScore!.Value.ToString("0.##", CultureInfo.InvariantCulture)} of 100, recommends {assignment.Recommendation.ToString()!.ToLowerInvariant()}",
            nameof(ReviewAssignment),
            assignment.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return ReviewSaved.Submitted;
    }
}
