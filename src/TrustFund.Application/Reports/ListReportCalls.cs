using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Reports;

/// <summary>The calls a report can be limited to: those with at least one grant, by code.</summary>
public sealed record ListReportCalls : IUseCase<IReadOnlyList<PortfolioCall>>;

internal sealed class ListReportCallsHandler : IUseCaseHandler<ListReportCalls, IReadOnlyList<PortfolioCall>>
{
    private readonly ITrustFundDb _db;

    public ListReportCallsHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<IReadOnlyList<PortfolioCall>> HandleAsync(ListReportCalls request, CancellationToken cancellationToken) =>
        await _db.Calls.AsNoTracking()
            .Where(c => _db.Grants.Any(g => g.CallId == c.Id))
            .OrderBy(c => c.Code)
            .Select(c => new PortfolioCall(c.Id, c.Code, c.Title))
            .ToListAsync(cancellationToken);
}
