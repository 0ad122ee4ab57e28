using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Calls;

/// <summary>The public list of calls: open (or about to open) and closed in the last 90 days.</summary>
public sealed record ListOpenCalls : IUseCase<OpenCallList>
{
    public static readonly TimeSpan RecentlyClosed = TimeSpan.FromDays(90);
}

/// <summary>Calls open to applicants, and calls closed recently.</summary>
public sealed record OpenCallList(IReadOnlyList<Call> Open, IReadOnlyList<Call> RecentlyClosed, DateTime NowUtc);

internal sealed class ListOpenCallsHandler : IUseCaseHandler<ListOpenCalls, OpenCallList>
{
    private readonly ITrustFundDb _db;
    private readonly TimeProvider _clock;

    public ListOpenCallsHandler(ITrustFundDb db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public async Task<OpenCallList> HandleAsync(ListOpenCalls request, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var openAfter = Deadline.OpenWhenAfter(now);
        var since = now - ListOpenCalls.RecentlyClosed;
        var open = await _db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.ClosesAtUtc > openAfter)
            .OrderBy(c => c.ClosesAtUtc)
            .ToListAsync(cancellationToken);
        var closed = await _db.Calls.AsNoTracking()
            .Where(c => (c.Status == CallStatus.Published && c.ClosesAtUtc <= openAfter && c.ClosesAtUtc > since)
                || (c.Status == CallStatus.Closed && (c.ClosesAtUtc > since || c.ClosedAtUtc > since)))
            .OrderByDescending(c => c.ClosesAtUtc)
            .Take(50)
            .ToListAsync(cancellationToken);
        return new OpenCallList(open, closed, now);
    }
}
