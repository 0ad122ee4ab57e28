using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>The fund managers' list of calls, newest first, optionally of one status.</summary>
public sealed record ListCalls(CallStatus? Status, int Page) : IUseCase<CallList>
{
    public const int PageSize = 25;
}

/// <summary>One page of calls, the status filter and the number of calls per status.</summary>
public sealed record CallList(Page<CallRow> Page, IReadOnlyDictionary<CallStatus, int> Counts, CallStatus? Status);

/// <summary>One call in the list, with how many drafts and submitted applications it holds.</summary>
public sealed record CallRow(Guid Id, string Code, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, string TimeZoneId, int Drafts, int Submitted);

internal sealed class ListCallsHandler : IUseCaseHandler<ListCalls, CallList>
{
    private readonly ITrustFundDb _db;

    public ListCallsHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<CallList> HandleAsync(ListCalls request, CancellationToken cancellationToken)
    {
        var counts = await _db.Calls.GroupBy(c => c.Status)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var query = _db.Calls.AsNoTracking();
        if (request.Status is { } status)
        {
            query = query.Where(c => c.Status == status);
        }

        var page = await query.OrderByDescending(c => c.OpensAtUtc).ThenBy(c => c.Id)
            .ToPageAsync(new PageRequest(request.Page, ListCalls.PageSize), cancellationToken);
        var ids = page.Items.Select(c => c.Id).ToList();
        var applications = await _db.Applications.Where(a => ids.Contains(a.CallId))
            .GroupBy(a => new { a.CallId, IsDraft = a.Status == ApplicationStatus.Draft })
            .Select(g => new { g.Key.CallId, g.Key.IsDraft, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = page.Items.Select(c => new CallRow(
            c.Id, c.Code, c.Title, c.Status, c.OpensAtUtc, c.ClosesAtUtc, c.Terms.TimeZoneId,
            applications.Where(a => a.CallId == c.Id && a.IsDraft).Sum(a => a.Count),
            applications.Where(a => a.CallId == c.Id && !a.IsDraft).Sum(a => a.Count))).ToList();
        return new CallList(new Page<CallRow>(rows, page.Number, page.Size, page.Total), counts, request.Status);
    }
}
