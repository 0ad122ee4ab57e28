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

        var organisation = await (
            from u in _db.Users
            where u.Id == userId
            join o in _db.Organisations on u.OrganisationId equals o.Id
            select new { o.Id, o.LegalName, o.Status, o.StatusReason }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var colleagues = await _db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisation.Id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new ColleagueRow(u.DisplayName, u.Email!, u.IsActive))
            .ToListAsync(cancellationToken);
        return new ApplicantHomeModel(organisation.LegalName, organisation.Status, organisation.StatusReason, colleagues);
    }
}
