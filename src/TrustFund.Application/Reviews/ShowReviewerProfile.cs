using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A reviewer's profile: the languages they read, their expertise and their maximum load. The signed-in
/// reviewer's own when <see cref="ReviewerId"/> is null; a fund manager may name any reviewer.
/// </summary>
public sealed record ShowReviewerProfile(Guid? ReviewerId = null) : IUseCase<ReviewerProfileView>;

/// <summary>
/// The profile as its form shows it; <see cref="Version"/> is null before it is first saved, when the
/// defaults auto-assignment assumes are shown (<see cref="ReviewerPool.DefaultLanguages"/>, the default load).
/// </summary>
public sealed record ReviewerProfileView(
    Guid ReviewerId,
    string ReviewerName,
    Guid? Version,
    IReadOnlyList<ProposalLanguage> Languages,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ExploitationForm> Forms,
    int MaximumLoad,
    DateTime? LastChangedAtUtc,
    string? LastChangedBy);

internal sealed class ShowReviewerProfileHandler : IUseCaseHandler<ShowReviewerProfile, ReviewerProfileView>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowReviewerProfileHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<ReviewerProfileView> HandleAsync(ShowReviewerProfile request, CancellationToken cancellationToken)
    {
        var (id, name) = await ReviewerProfiles.ReviewerAsync(_db, _actor, request.ReviewerId, cancellationToken);
        var profile = await _db.ReviewerProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return profile is null
            ? new ReviewerProfileView(id, name, null, ReviewerPool.DefaultLanguages, [], [], ReviewerProfile.DefaultMaximumLoad, null, null)
            : new ReviewerProfileView(id, name, profile.Version, profile.Languages, profile.Regions, profile.Forms, profile.MaximumLoad, profile.LastChangedAtUtc, profile.LastChangedBy);
    }
}
