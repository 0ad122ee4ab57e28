using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Home;

/// <summary>An applicant's home page: their organisation's verification status and its people (null without an organisation).</summary>
public sealed record ShowApplicantHome : IUseCase<ApplicantHomeModel?>;

public sealed record ApplicantHomeModel(string OrganisationName, OrganisationStatus Status, string? StatusReason, IReadOnlyList<ColleagueRow> Colleagues);

public sealed record ColleagueRow(string Name, string Email, bool IsActive);

internal sealed class ShowApplicantHomeHandler : IUseCaseHandler<ShowApplicantHome, ApplicantHomeModel?>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;

    public ShowApplicantHomeHandler(ITrustFundDb db, ICurrentActor actor)
    {
        _db = db;
        _actor = actor;
    }

    public async Task<ApplicantHomeModel?> HandleAsync(ShowApplicantHome request, CancellationToken cancellationToken)
    {
        if (_actor.UserId is not { } userId)
        {
            return null;
        }

        // One statement: the organisation with its people (joined, ordered by name).
        var organisation = await (
            from u in _db.Users
            where u.Id == userId
            join o in _db.Organisations on u.OrganisationId equals o.Id
            select new
            {
                o.LegalName,
                o.Status,
                o.StatusReason,
                Colleagues = _db.Users
                    .Where(c => c.OrganisationId == o.Id)
                    .OrderBy(c => c.DisplayName)
                    .Select(c => new ColleagueRow(c.DisplayName, c.Email!, c.IsActive))
                    .ToList(),
            }).AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        return new ApplicantHomeModel(organisation.LegalName, organisation.Status, organisation.StatusReason, organisation.Colleagues);
    }
}
