using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Audit;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Audit;

/// <summary>The audit trail for administrators: browse and filter it, and check that its hash chain is intact.</summary>
[Route("Admin/Audit")]
[Authorize(Policy = Capabilities.ViewAuditLog)]
public sealed class AuditController : Controller
{
    public const int PageSize = 50;

    private readonly TrustFundDbContext _db;
    private readonly AuditChainVerifier _verifier;
    private readonly IAuditTrail _audit;

    public AuditController(TrustFundDbContext db, AuditChainVerifier verifier, IAuditTrail audit)
    {
        _db = db;
        _verifier = verifier;
        _audit = audit;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditLogQuery query, CancellationToken cancellationToken)
    {
        var choices = await FilterChoicesAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            return View(new AuditLogPage(query, false, [], null, null, choices));
        }

        var filtered = Filter(_db.AuditEntries.AsNoTracking(), query);
        var before = AuditLogQuery.ParseSequence(query.Before);
        var after = AuditLogQuery.ParseSequence(query.After);

        List<AuditLogRow> rows;
        bool hasNewer;
        bool hasOlder;
        if (after is not null)
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
        else if (before is not null)
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

        // An empty page (before the oldest entry) leads back to the newest page.
        var newer = !hasNewer ? null
            : rows.Count > 0 ? $"/Admin/Audit{query.ToQueryString(after: rows[0].Sequence)}"
            : $"/Admin/Audit{query.ToQueryString()}";
        var older = hasOlder && rows.Count > 0 ? $"/Admin/Audit{query.ToQueryString(before: rows[^1].Sequence)}" : null;
        return View(new AuditLogPage(query, true, rows, newer, older, choices));
    }

    [HttpGet("{sequence:long}")]
    public async Task<IActionResult> Entry(long sequence, CancellationToken cancellationToken)
    {
        var entry = await _db.AuditEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Sequence == sequence, cancellationToken);
        if (entry is null)
        {
            return NotFound();
        }

        var previous = await _db.AuditEntries.AsNoTracking().Where(e => e.Sequence < sequence).OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var next = await _db.AuditEntries.AsNoTracking().Where(e => e.Sequence > sequence).OrderBy(e => e.Sequence)
            .Select(e => (long?)e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var expectedPrevious = previous?.Hash ?? AuditChain.Genesis;
        return View(new AuditEntryPage(
            entry,
            string.Equals(entry.Hash, AuditChain.ComputeHash(entry), StringComparison.Ordinal),
            string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal) && (previous?.Sequence ?? 0) == sequence - 1,
            previous?.Sequence,
            next));
    }

    [HttpPost("Verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken)
    {
        var report = await _verifier.VerifyAsync(cancellationToken);
        var outcome = report.IsIntact
            ? $"Chain intact: {report.EntriesVerified} entries verified"
            : $"Chain broken at entry #{report.FirstBrokenSequence} after {report.EntriesVerified} intact entries";
        await _audit.RecordNowAsync(AuditActions.ChainVerified, outcome, "AuditEntry", report.FirstBrokenSequence?.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        return View("Verified", report);
    }

    [SuppressMessage("Globalization", "CA1304:Specify CultureInfo", Justification = "Translated to SQL lower(); runs in the database, not in .NET.")]
    [SuppressMessage("Globalization", "CA1311:Specify a culture or use an invariant version", Justification = "Translated to SQL lower(); runs in the database, not in .NET.")]
    [SuppressMessage("Performance", "CA1862:Use the 'StringComparison' method overloads", Justification = "EF Core cannot translate StringComparison overloads on every provider.")]
    private static IQueryable<AuditEntry> Filter(IQueryable<AuditEntry> entries, AuditLogQuery query)
    {
        var action = query.Action?.Trim();
        if (!string.IsNullOrEmpty(action))
        {
            if (action.EndsWith(AuditLogQuery.PrefixWildcard, StringComparison.Ordinal))
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

        if (AuditLogQuery.ParseDate(query.From) is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.OccurredAtUtc >= start);
        }

        if (AuditLogQuery.ParseDate(query.To) is { } to)
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

    private async Task<AuditFilterChoices> FilterChoicesAsync(CancellationToken cancellationToken)
    {
        var actions = await _db.AuditEntries.Select(e => e.Action).Distinct().ToListAsync(cancellationToken);
        var entityTypes = await _db.AuditEntries.Where(e => e.EntityType != null).Select(e => e.EntityType!).Distinct().ToListAsync(cancellationToken);
        actions.Sort(StringComparer.Ordinal);
        entityTypes.Sort(StringComparer.Ordinal);
        var families = actions
            .Select(a => a.IndexOf('.', StringComparison.Ordinal))
            .Zip(actions, (dot, a) => dot > 0 ? a[..(dot + 1)] + AuditLogQuery.PrefixWildcard : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new AuditFilterChoices(actions, families, entityTypes);
    }
}
