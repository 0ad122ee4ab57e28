using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A fund manager changes a call's review settings: reviewers per application, days to review, the
/// disagreement threshold, the minimum score, whether reviewers see the other reviews after submitting
/// theirs, and which score ranks. The version is the call's as the form showed it.
/// </summary>
public sealed record ChangeReviewSettings(
    Guid CallId,
    Guid? Version,
    int ReviewersPerApplication,
    int ReviewDays,
    int DisagreementThreshold,
    int? MinimumScore,
    bool ReviewersSeeOtherReviews,
    RankingBasis RankBy) : IUseCase<int>;

internal sealed class ChangeReviewSettingsValidator : AbstractValidator<ChangeReviewSettings>
{
    public ChangeReviewSettingsValidator()
    {
        RuleFor(x => x.RankBy).IsInEnum().WithMessage("Choose raw or normalised scores for the ranking.");
    }
}

internal sealed class ChangeReviewSettingsHandler : IUseCaseHandler<ChangeReviewSettings, int>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;

    public ChangeReviewSettingsHandler(ITrustFundDb db, IAuditTrail audit)
    {
        _db = db;
        _audit = audit;
    }

    /// <summary>Returns how many settings changed.</summary>
    public async Task<int> HandleAsync(ChangeReviewSettings request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        _db.ExpectVersion(call, request.Version);
        var changes = call.ChangeReviewSettings(request.ReviewersPerApplication, request.ReviewDays, request.DisagreementThreshold, request.MinimumScore, request.ReviewersSeeOtherReviews, request.RankBy);
        if (changes.Count == 0)
        {
            return 0;
        }

        _audit.Record(
            AuditActions.CallReviewSettingsChanged,
            $"Review settings of call {call.Code} changed: {string.Join("; ", changes.Select(c => $"{c.Term} {c.Before} -> {c.After}"))}",
            nameof(Call),
            AssignmentRecords.Id(call.Id));
        await _db.SaveChangesAsync(cancellationToken);
        return changes.Count;
    }
}
