using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Persistence.ReadModels;

namespace TrustFund.Infrastructure.Reviews;

/// <summary>
/// Reads a reviewer's queue in two statements on the assignments alone (they keep their application's
/// title, organisation and reference): the open assignments, and the latest submitted reviews read in
/// the order of the (ReviewerId, Status, SubmittedAtUtc) index. SQLite prepares every statement afresh,
/// and the two cost about half of the home page, so the rows are kept in memory under the
/// assignments' <see cref="ChangeVersions"/> counter: any saved change to an assignment through this
/// instance shows at the next view; one made through another instance shows within <see cref="Lifetime"/>.
/// </summary>
public sealed class ReviewerQueueReader(HybridCache cache, IServiceScopeFactory scopes, ChangeVersions versions) : IReviewerQueues
{
    /// <summary>How long a queue may lag behind changes made through another app instance.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions Options = new() { Expiration = Lifetime, LocalCacheExpiration = Lifetime };

    public async Task<ReviewerQueueRows> ReadAsync(Guid reviewerId, int submittedShown, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            string.Create(CultureInfo.InvariantCulture, $"reviewer-queue:{reviewerId:N}:{submittedShown}:{versions.Of<ReviewAssignment>()}"),
            (scopes, reviewerId, submittedShown),
            static async (state, token) =>
            {
                await using var scope = state.scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
                return await LoadAsync(db, state.reviewerId, state.submittedShown, token);
            },
            Options,
            cancellationToken: cancellationToken);

    /// <summary>The two statements, uncached.</summary>
    internal static async Task<ReviewerQueueRows> LoadAsync(TrustFundDbContext db, Guid reviewerId, int submittedShown, CancellationToken cancellationToken)
    {
        var open = await Rows(db.ReviewAssignments.AsNoTracking()
                .Where(a => a.ReviewerId == reviewerId && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft)))
            .ToListAsync(cancellationToken);
        var submitted = await Rows(db.ReviewAssignments.AsNoTracking()
                .Where(a => a.ReviewerId == reviewerId && a.Status == AssignmentStatus.Submitted)
                .OrderByDescending(a => a.SubmittedAtUtc)
                .Take(submittedShown))
            .ToListAsync(cancellationToken);
        return new ReviewerQueueRows(open, submitted);
    }

    private static IQueryable<ReviewerQueueRow> Rows(IQueryable<ReviewAssignment> assignments) =>
        assignments.Select(a => new ReviewerQueueRow(a.Id, a.Status, a.ApplicationTitle, a.OrganisationName, a.ApplicationReference, a.DueOn, a.LastSavedAtUtc, a.SubmittedAtUtc));
}
