using System.Diagnostics.CodeAnalysis;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Audit;

namespace TrustFund.Application.Audit;

/// <summary>
/// One page of the audit log, newest first, filtered; positioned by sequence numbers (<see cref="Before"/>
/// or <see cref="After"/>), so pages stay stable while entries are added.
/// </summary>
public sealed record ListAuditLog(
    string? Action,
    string? Actor,
    string? EntityType,
    string? EntityId,
    DateOnly? From,
    DateOnly? To,
    string? Text,
    long? Before,
    long? After) : IUseCase<AuditLogSlice>
{
    /// <summary>Ends an action filter that matches every action starting with the text before it.</summary>
    public const string PrefixWildcard = "*";

    public const int PageSize = 50;
}

/// <summary>The rows of one page, and whether there are newer and older entries around it.</summary>
public sealed record AuditLogSlice(IReadOnlyList<AuditLogRow> Rows, bool HasNewer, bool HasOlder);

/// <summary>One line of the audit log as shown in the table.</summary>
public sealed record AuditLogRow(
    long Sequence,
    DateTime OccurredAtUtc,
    string? Actor,
    string? IpAddress,
    string Action,
    string? EntityType,
    string? EntityId,
    string Summary);

internal sealed class ListAuditLogHandler : IUseCaseHandler<ListAuditLog, AuditLogSlice>
{
    private const int PageSize = ListAuditLog.PageSize;
    private readonly ITrustFundDb _db;

    public ListAuditLogHandler(ITrustFundDb db) => _db = db;

    public async Task<AuditLogSlice> HandleAsync(ListAuditLog request, CancellationToken cancellationToken)
    {
        var filtered = Filter(_db.AuditEntries.AsNoTracking(), request);
        List<AuditLogRow> rows;
        bool hasNewer;
        bool hasOlder;
        if (request.After is { } after)
        {
            rows = await Rows(filtered.Where(e => e.Sequence > after).OrderBy(e => e.Sequence)).Take(PageSize + 1).ToListAsync(cancellationToken);
            if (rows.Count <= PageSize)
            {
                // Fewer than a page newer than this point: that is the newest page, shown full.
                rows = await NewestAsync(filtered, cancellationToken);
                hasNewer = false;
                hasOlder = rows.Count > PageSize;
            }
            else
            {
                rows = [.. rows.Take(PageSize).Reverse()];
                var oldestShown = rows[^1].Sequence;
                hasNewer = true;
                hasOlder = await filtered.AnyAsync(e => e.Sequence < oldestShown, cancellationToken);
            }
        }
        else if (request.Before is { } before)
        {
            rows = await Rows(filtered.Where(e => e.Sequence < before).OrderByDescending(e => e.Sequence)).Take(PageSize + 1).ToListAsync(cancellationToken);
            hasOlder = rows.Count > PageSize;
            hasNewer = await filtered.AnyAsync(e => e.Sequence >= before, cancellationToken);
        }
        else
        {
            rows = await NewestAsync(filtered, cancellationToken);
            hasOlder = rows.Count > PageSize;
            hasNewer = false;
        }

        if (rows.Count > PageSize)
        {
            rows.RemoveAt(rows.Count - 1);
        }

        return new AuditLogSlice(rows, hasNewer, hasOlder);
    }

    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "Translated to SQL lower(); runs in the database, not in .NET.")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "Translated to SQL lower(); runs in the database, not in .NET.")]
    [SuppressMessage("Performance", "CA1862:Use the 'StringComparison' method overloads", Justification = "EF Core cannot translate StringComparison overloads on every provider.")]
    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, ListAuditLog query)
    {
        var action = query.Action?.Trim();
        if (!string.IsNullOrEmpty(action))
        {
            if (action.EndsWith(ListAuditLog.PrefixWildcard, StringComparison.Ordinal))
            {
                var prefix = action[..^1];
                entries = entries.Where(e => e.Action.StartsWith(prefix));
            }
            else
            {
                entries = entries.Where(e => e.Action == action);
            }
        }

        var actor = query.Actor?.Trim();
        if (!string.IsNullOrEmpty(actor))
        {
            var lowered = actor.ToLowerInvariant();
            entries = Guid.TryParse(actor, out var actorId)
                ? entries.Where(e => e.ActorId == actorId)
                : entries.Where(e => e.ActorName != null && e.ActorName.ToLower().Contains(lowered));
        }

        var entityType = query.EntityType?.Trim();
        if (!string.IsNullOrEmpty(entityType))
        {
            entries = entries.Where(e => e.EntityType == entityType);
        }

        var entityId = query.EntityId?.Trim();
        if (!string.IsNullOrEmpty(entityId))
        {
            entries = entries.Where(e => e.EntityId == entityId);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAtUtc >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAtUtc < end);
        }

        var text = query.Text?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var lowered = text.ToLowerInvariant();
            entries = entries.Where(e => e.Summary.ToLower().Contains(lowered));
        }

        return entries;
    }

    private static IQueryable<AuditLogRow> Rows(IQueryable<AuditEntry> entries) =>
        entries.Select(e => new AuditLogRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.IpAddress, e.Action, e.EntityType, e.EntityId, e.Summary));

    private static Task<List<AuditLogRow>> NewestAsync(IQueryable<AuditEntry> filtered, CancellationToken cancellationToken) =>
        Rows(filtered.OrderByDescending(e => e.Sequence)).Take(PageSize + 1).ToListAsync(cancellationToken);
}
