using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Applications;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Reviews;

/// <summary>
/// Reads a call's ranking. Building it reads every screened application and assignment of the call
/// and normalises the scores, so the ranking is kept in memory with its stamp: the call's row version
/// and its <see cref="CallReviewStamp"/>, read in one statement by primary key before anything else. A
/// kept ranking is used only if the stamp is unchanged, so a change made through any instance shows at
/// once; a change between the stamp's read and the rows' read makes the next stamp differ, never an old
/// ranking look current. The application's own copy of its organisation's name is shown: a rename
/// shows when the ranking is next rebuilt, at the latest after <see cref="RankingCache.Lifetime"/>.
/// </summary>
public sealed class RankingReader(TrustFundDbContext db, RankingCache cache) : IRankings
{
    private static readonly ApplicationStatus[] Screened =
    [
        ApplicationStatus.Eligible, ApplicationStatus.Ineligible, ApplicationStatus.UnderReview, ApplicationStatus.Reviewed,
        ApplicationStatus.Approved, ApplicationStatus.ReserveList, ApplicationStatus.NotApproved,
    ];

    private static readonly Func<TrustFundDbContext, Guid, Task<RankingStamp?>> StampQuery =
        EF.CompileAsyncQuery((TrustFundDbContext db, Guid id) =>
            db.Calls
                .Where(c => c.Id == id)
                .Select(c => new RankingStamp(c.Version, db.CallReviewStamps.Where(s => s.CallId == c.Id).Select(s => (Guid?)s.Stamp).FirstOrDefault()))
                .SingleOrDefault());

    public async Task<CallRanking?> ReadAsync(Guid callId, CancellationToken cancellationToken)
    {
        var stamp = await StampQuery(db, callId);
        if (stamp is null)
        {
            cache.Forget(callId);
            return null;
        }

        if (cache.Find(callId) is { } kept && kept.Stamp == stamp)
        {
            return kept.Ranking;
        }

        var ranking = await LoadAsync(callId, cancellationToken);
        if (ranking is not null)
        {
            cache.Keep(callId, new RankingCache.Entry(stamp, ranking));
        }

        return ranking;
    }

    // Three statements: the call, its screened applications, its assignments (only the columns used).
    private async Task<CallRanking?> LoadAsync(Guid callId, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var call = await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return null;
        }

        var applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == callId && Screened.Contains(a.Status))
            .Select(a => new RankingApplication(a.Id, a.Reference, a.Title, a.OrganisationName, a.Status, a.AmountRequested, a.CountryIndex, a.AssistanceIndex))
            .ToListAsync(cancellationToken);
        var reviews = await db.ReviewAssignments.AsNoTracking()
            .Where(r => r.CallId == callId)
            .Select(r => new RankingReview(r.ApplicationId, r.ReviewerId, r.Status, r.WeightedScore, r.Recommendation))
            .ToListAsync(cancellationToken);
        var terms = call.Terms;
        return RankingBuilder.Build(
            new RankingCall(call.Id, call.Code, call.Title, terms.Envelope, terms.ReviewersPerApplication, terms.DisagreementThreshold, terms.MinimumScore, terms.RankBy, call.RubricLockedAtUtc),
            applications,
            reviews);
    }
}

/// <summary>What a kept ranking was read under.</summary>
public sealed record RankingStamp(Guid CallVersion, Guid? ReviewStamp);

/// <summary>The rankings kept in memory, each with its stamp: at most <see cref="Capacity"/> calls, each forgotten after <see cref="Lifetime"/>.</summary>
public sealed class RankingCache : IDisposable
{
    public const int Capacity = 50;

    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public Entry? Find(Guid callId) => _entries.Get<Entry>(callId);

    public void Keep(Guid callId, Entry entry) =>
        _entries.Set(callId, entry, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });

    public void Forget(Guid callId) => _entries.Remove(callId);

    public void Dispose() => _entries.Dispose();

    /// <summary>A ranking and the stamp read just before it.</summary>
    public sealed record Entry(RankingStamp Stamp, CallRanking Ranking);
}
