using System.Globalization;
using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Persistence.ReadModels;

namespace TrustFund.Infrastructure.Applications;

/// <summary>
/// Reads the fund managers' applications list: one page seeked through an index in the chosen order
/// (keyset paging), the counts per status from a cache that one request at a time rebuilds, and the
/// calls of the filter from the same cache.
/// </summary>
public sealed class ApplicationListReader(TrustFundDbContext db, HybridCache cache, IServiceScopeFactory scopes, ChangeVersions versions) : IApplicationList
{
    /// <summary>How long counts may lag behind changes made by another app instance.</summary>
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(30);

    private static readonly HybridCacheEntryOptions CacheOptions = new() { Expiration = CacheLifetime, LocalCacheExpiration = CacheLifetime };

    public async Task<ApplicationListModel> ReadAsync(ApplicationListQuery query, CancellationToken cancellationToken)
    {
        var counts = await CountsAsync(query, cancellationToken);
        var byStatus = ApplicationListQuery.VisibleStatuses.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => counts[x.i]);
        var total = query.StatusFilter is { } status ? byStatus[status] : counts.Sum();
        var pageCount = Math.Max(1, (total + ApplicationListQuery.PageSize - 1) / ApplicationListQuery.PageSize);

        var after = ApplicationListCursor.Decode(query.After, query.SortKey);
        var before = after is null ? ApplicationListCursor.Decode(query.Before, query.SortKey) : null;
        var backwards = before is not null;
        var rows = await PageQuery(db, query, after ?? before, backwards).ToListAsync(cancellationToken);
        var more = rows.Count > ApplicationListQuery.PageSize;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        if (backwards)
        {
            rows.Reverse();
        }

        var hasPrevious = backwards ? more : after is not null;
        var hasNext = backwards || more;
        var page = hasPrevious ? Math.Clamp(query.Page, 2, Math.Max(2, pageCount)) : 1;
        if (!hasNext)
        {
            page = Math.Max(page, pageCount);
        }

        var calls = await CallsAsync(cancellationToken);
        await FillCallCodesAsync(rows, calls, cancellationToken);
        return new ApplicationListModel(
            query,
            rows,
            total,
            page,
            Math.Max(pageCount, page),
            byStatus,
            calls,
            hasPrevious && rows.Count > 0 ? ApplicationListCursor.From(rows[0], query.SortKey).Encode() : null,
            hasNext && rows.Count > 0 ? ApplicationListCursor.From(rows[^1], query.SortKey).Encode() : null);
    }

    /// <summary>
    /// Each row's call code, from the calls of the filter (cached) rather than a join in the page's
    /// statement: without the join PostgreSQL plans and runs that statement in about two thirds of the
    /// time. A call the cached list does not know yet (made through another instance within
    /// <see cref="CacheLifetime"/>) is read at once.
    /// </summary>
    private async Task FillCallCodesAsync(List<ApplicationListEntry> rows, IReadOnlyList<CallOption> calls, CancellationToken cancellationToken)
    {
        var codes = calls.ToDictionary(c => c.Id, c => c.Code);
        var unknown = rows.Select(r => r.CallId).Where(id => !codes.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            foreach (var call in await db.Calls.AsNoTracking().Where(c => unknown.Contains(c.Id)).Select(c => new { c.Id, c.Code }).ToListAsync(cancellationToken))
            {
                codes[call.Id] = call.Code;
            }
        }

        foreach (var row in rows)
        {
            row.CallCode = codes.GetValueOrDefault(row.CallId, string.Empty);
        }
    }

    /// <summary>
    /// One page and one row more (to know whether another page follows): the rows past
    /// <paramref name="cursor"/> in the list's order, or before it when <paramref name="backwards"/>.
    /// </summary>
    internal static IQueryable<ApplicationListEntry> PageQuery(TrustFundDbContext db, ApplicationListQuery query, ApplicationListCursor? cursor, bool backwards) =>
        Seek(Selected(db, query), query.SortKey, query.Descending ^ backwards, cursor, RowValue.IsTranslated(db)).Take(ApplicationListQuery.PageSize + 1);

    public async IAsyncEnumerable<ApplicationListEntry> ReadAllAsync(ApplicationListQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // The call codes are read once, before the rows: the rows' statement holds the connection until the last row.
        var codes = await db.Calls.AsNoTracking().Select(c => new { c.Id, c.Code }).ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var rows = Seek(Selected(db, query), query.SortKey, query.Descending, null, RowValue.IsTranslated(db));
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            row.CallCode = codes.GetValueOrDefault(row.CallId, string.Empty);
            yield return row;
        }
    }

    /// <summary>The rows the query's filters and status select, in no order.</summary>
    private static IQueryable<ApplicationListEntry> Selected(TrustFundDbContext db, ApplicationListQuery query)
    {
        var filtered = Filter(Entries(db), query);
        return query.StatusFilter is { } only ? filtered.Where(e => e.Status == only) : filtered;
    }

    /// <summary>Applications per status under the query's filters (not its status).</summary>
    internal static IQueryable<StatusCount> CountQuery(TrustFundDbContext db, ApplicationListQuery query)
    {
        return Filter(Entries(db), query).GroupBy(e => e.Status).Select(g => new StatusCount(g.Key, g.Count()));
    }

    /// <summary>Counts per visible status (in <see cref="ApplicationListQuery.VisibleStatuses"/> order) for the query's filters.</summary>
    private async Task<int[]> CountsAsync(ApplicationListQuery query, CancellationToken cancellationToken)
    {
        // A rename rewrites the applications' copies of the name (which a search matches) without moving
        // the applications' counter: the organisations' counter moves.
        var key = $"applications:counts:{versions.Of<GrantApplication>()}:{versions.Of<Organisation>()}:{FilterKey(query)}";
        return await cache.GetOrCreateAsync(
            key,
            (query, scopes),
            static async (state, token) =>
            {
                await using var scope = state.scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
                var counts = await CountQuery(db, state.query).ToListAsync(token);
                return ApplicationListQuery.VisibleStatuses.Select(s => counts.FirstOrDefault(c => c.Status == s)?.Count ?? 0).ToArray();
            },
            CacheOptions,
            cancellationToken: cancellationToken);
    }

    private async Task<IReadOnlyList<CallOption>> CallsAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            $"applications:calls:{versions.Of<Call>()}",
            scopes,
            static async (scopes, token) =>
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
                return await db.Calls.AsNoTracking().OrderByDescending(c => c.OpensAtUtc).Select(c => new CallOption(c.Id, c.Code, c.Title)).ToListAsync(token);
            },
            CacheOptions,
            cancellationToken: cancellationToken);

    /// <summary>The filters that decide the counts (not the status, sort or page), hashed to a short key.</summary>
    private static string FilterKey(ApplicationListQuery query)
    {
        var filters = string.Join(
            '\u001f',
            query.Call?.ToString() ?? string.Empty,
            query.CountryFilter ?? string.Empty,
            query.RegionFilter ?? string.Empty,
            query.AssistanceFilter?.ToString() ?? string.Empty,
            query.MinAmount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            query.MaxAmount?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            query.Q?.Trim() ?? string.Empty);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(filters)));
    }

    /// <summary>
    /// Submitted applications (drafts are the organisation's own business). The organisation's name is the
    /// application's own copy, so sorting and searching by it need no join; the call's code is filled in
    /// after the page is read.
    /// </summary>
    private static IQueryable<ApplicationListEntry> Entries(TrustFundDbContext db) =>
        from a in db.Applications.AsNoTracking()
        where a.SubmittedAtUtc != null
        select new ApplicationListEntry
        {
            Id = a.Id,
            Reference = a.Reference,
            Title = a.Title,
            Status = a.Status,
            AmountRequested = a.AmountRequested,
            SubmittedAtUtc = a.SubmittedAtUtc,
            CallId = a.CallId,
            OrganisationId = a.OrganisationId,
            OrganisationName = a.OrganisationName,
            CountryIndex = a.CountryIndex,
            AssistanceIndex = a.AssistanceIndex,
        };

    private static IQueryable<ApplicationListEntry> Filter(IQueryable<ApplicationListEntry> entries, ApplicationListQuery query)
    {
        if (query.Call is { } callId)
        {
            entries = entries.Where(e => e.CallId == callId);
        }

        if (query.CountryFilter is { } country)
        {
            var term = GrantApplication.IndexTerm(country);
            entries = entries.Where(e => e.CountryIndex.Contains(term));
        }

        if (query.RegionFilter is { } region)
        {
            entries = entries.Where(InRegion(region));
        }

        if (query.AssistanceFilter is { } assistance)
        {
            var term = GrantApplication.IndexTerm(assistance.ToString());
            entries = entries.Where(e => e.AssistanceIndex.Contains(term));
        }

        if (query.MinAmount is { } min)
        {
            entries = entries.Where(e => e.AmountRequested >= min);
        }

        if (query.MaxAmount is { } max)
        {
            entries = entries.Where(e => e.AmountRequested <= max);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var raw = query.Q.Trim();
            var text = raw.ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(): portable across engines
            // The exact-case test covers scripts whose case the database's lower() does not know.
            entries = entries.Where(e => e.Title.Contains(raw) || e.OrganisationName.Contains(raw)
                || e.Title.ToLower().Contains(text) || e.OrganisationName.ToLower().Contains(text) || (e.Reference != null && e.Reference.ToLower().Contains(text)));
#pragma warning restore CA1862, CA1304, CA1311
        }

        return entries;
    }

    /// <summary>Any implementing country in the region: one indexed-text test per country of the region, computed once.</summary>
    private static Expression<Func<ApplicationListEntry, bool>> InRegion(string region)
    {
        var countries = UnM49.Countries.Where(c => UnM49.IsWithin(c.Iso3!, region)).Select(c => c.Iso3!).ToList();
        var entry = Expression.Parameter(typeof(ApplicationListEntry), "e");
        var index = Expression.Property(entry, nameof(ApplicationListEntry.CountryIndex));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var iso3 in countries)
        {
            body = Expression.OrElse(body, Expression.Call(index, contains, Expression.Constant(GrantApplication.IndexTerm(iso3))));
        }

        return Expression.Lambda<Func<ApplicationListEntry, bool>>(body, entry);
    }

    /// <summary>
    /// Rows past <paramref name="cursor"/> in the given order (sort value, then id, both the same way so
    /// one index serves the seek). Where the database has row values (SQLite, PostgreSQL) the seek is
    /// <c>(value, id) &lt; (@value, @id)</c>: one index range that starts right at the cursor. SQL Server
    /// gets a range on the sort value plus a tie-break on the id, which reads and drops the rows that tie
    /// with the cursor's value.
    /// </summary>
#pragma warning disable CA1309 // translated to SQL comparisons, in the database's collation like its ORDER BY
    private static IQueryable<ApplicationListEntry> Seek(IQueryable<ApplicationListEntry> entries, string sortKey, bool descending, ApplicationListCursor? cursor, bool rowValues)
    {
        var id = cursor?.Id ?? Guid.Empty;
        switch (sortKey)
        {
            case "amount":
                if (cursor?.Amount is { } cursorAmount)
                {
                    decimal? amount = cursorAmount;
                    entries = (rowValues, descending) switch
                    {
                        (true, true) => entries.Where(e => RowValue.LessThan(e.AmountRequested, e.Id, amount, id)),
                        (true, false) => entries.Where(e => RowValue.GreaterThan(e.AmountRequested, e.Id, amount, id)),
                        (false, true) => entries.Where(e => e.AmountRequested <= amount && (e.AmountRequested < amount || e.Id.CompareTo(id) < 0)),
                        (false, false) => entries.Where(e => e.AmountRequested >= amount && (e.AmountRequested > amount || e.Id.CompareTo(id) > 0)),
                    };
                }

                return descending
                    ? entries.OrderByDescending(e => e.AmountRequested).ThenByDescending(e => e.Id)
                    : entries.OrderBy(e => e.AmountRequested).ThenBy(e => e.Id);
            case "title":
                if (cursor?.Value is { } title)
                {
                    entries = (rowValues, descending) switch
                    {
                        (true, true) => entries.Where(e => RowValue.LessThan(e.Title, e.Id, title, id)),
                        (true, false) => entries.Where(e => RowValue.GreaterThan(e.Title, e.Id, title, id)),
                        (false, true) => entries.Where(e => string.Compare(e.Title, title) <= 0 && (string.Compare(e.Title, title) < 0 || e.Id.CompareTo(id) < 0)),
                        (false, false) => entries.Where(e => string.Compare(e.Title, title) >= 0 && (string.Compare(e.Title, title) > 0 || e.Id.CompareTo(id) > 0)),
                    };
                }

                return descending
                    ? entries.OrderByDescending(e => e.Title).ThenByDescending(e => e.Id)
                    : entries.OrderBy(e => e.Title).ThenBy(e => e.Id);
            case "organisation":
                if (cursor?.Value is { } name)
                {
                    entries = (rowValues, descending) switch
                    {
                        (true, true) => entries.Where(e => RowValue.LessThan(e.OrganisationName, e.Id, name, id)),
                        (true, false) => entries.Where(e => RowValue.GreaterThan(e.OrganisationName, e.Id, name, id)),
                        (false, true) => entries.Where(e => string.Compare(e.OrganisationName, name) <= 0 && (string.Compare(e.OrganisationName, name) < 0 || e.Id.CompareTo(id) < 0)),
                        (false, false) => entries.Where(e => string.Compare(e.OrganisationName, name) >= 0 && (string.Compare(e.OrganisationName, name) > 0 || e.Id.CompareTo(id) > 0)),
                    };
                }

                return descending
                    ? entries.OrderByDescending(e => e.OrganisationName).ThenByDescending(e => e.Id)
                    : entries.OrderBy(e => e.OrganisationName).ThenBy(e => e.Id);
            default:
                if (cursor?.Submitted is { } cursorSubmitted)
                {
                    DateTime? submitted = cursorSubmitted;
                    entries = (rowValues, descending) switch
                    {
                        (true, true) => entries.Where(e => RowValue.LessThan(e.SubmittedAtUtc, e.Id, submitted, id)),
                        (true, false) => entries.Where(e => RowValue.GreaterThan(e.SubmittedAtUtc, e.Id, submitted, id)),
                        (false, true) => entries.Where(e => e.SubmittedAtUtc <= submitted && (e.SubmittedAtUtc < submitted || e.Id.CompareTo(id) < 0)),
                        (false, false) => entries.Where(e => e.SubmittedAtUtc >= submitted && (e.SubmittedAtUtc > submitted || e.Id.CompareTo(id) > 0)),
                    };
                }

                return descending
                    ? entries.OrderByDescending(e => e.SubmittedAtUtc).ThenByDescending(e => e.Id)
                    : entries.OrderBy(e => e.SubmittedAtUtc).ThenBy(e => e.Id);
        }
    }
#pragma warning restore CA1309

    /// <summary>How many applications have a status.</summary>
    internal sealed record StatusCount(ApplicationStatus Status, int Count);
}
