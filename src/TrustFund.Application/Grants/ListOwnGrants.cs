using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.Grants;

/// <summary>"My grants": the grants of the applicant's organisation, newest first, each with its overdue reports.</summary>
public sealed record ListOwnGrants : IUseCase<IReadOnlyList<GrantListItem>>;

internal sealed class ListOwnGrantsHandler : IUseCaseHandler<ListOwnGrants, IReadOnlyList<GrantListItem>>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ListOwnGrantsHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<IReadOnlyList<GrantListItem>> HandleAsync(ListOwnGrants request, CancellationToken cancellationToken)
    {
        if (_actor.OrganisationId is not { } organisationId)
        {
            return [];
        }

        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        return await (from g in _db.Grants.AsNoTracking()
                      where g.OrganisationId == organisationId
                      join o in _db.Organisations on g.OrganisationId equals o.Id
                      join c in _db.Calls on g.CallId equals c.Id
                      orderby g.Number descending
                      select new GrantListItem(
                          g.Id,
                          g.Number,
                          o.LegalName,
                          c.Code,
                          g.Status,
                          g.Amount,
                          g.StartDate,
                          g.EndDate,
                          _db.GranteeReports.Count(r => r.GrantId == g.Id
                              && ((r.Status == ReportStatus.Due && r.DueOn < today) || (r.Status == ReportStatus.RevisionRequested && r.ResubmitBy < today)))))
            .ToListAsync(cancellationToken);
    }
}
