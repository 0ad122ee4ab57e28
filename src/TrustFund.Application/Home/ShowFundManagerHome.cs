using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Home;

/// <summary>A fund manager's home page: the organisations waiting for verification, oldest first.</summary>
public sealed record ShowFundManagerHome : IUseCase<FundManagerHomeModel>
{
    public const int Shown = 20;
}

public sealed record FundManagerHomeModel(int PendingCount, IReadOnlyList<PendingOrganisationRow> Pending);

public sealed record PendingOrganisationRow(string LegalName, string Country, DateTime RegisteredAtUtc);

internal sealed class ShowFundManagerHomeHandler : IUseCaseHandler<ShowFundManagerHome, FundManagerHomeModel>
{
    private readonly ITrustFundDb _db;

    public ShowFundManagerHomeHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<FundManagerHomeModel> HandleAsync(ShowFundManagerHome request, CancellationToken cancellationToken)
    {
        var pending = await _db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.PendingVerification)
            .OrderBy(o => o.RegisteredAtUtc)
            .Select(o => new PendingOrganisationRow(o.LegalName, o.CountryOfRegistration, o.RegisteredAtUtc))
            .Take(ShowFundManagerHome.Shown)
            .ToListAsync(cancellationToken);
        var pendingCount = await _db.Organisations.CountAsync(o => o.Status == OrganisationStatus.PendingVerification, cancellationToken);
        return new FundManagerHomeModel(pendingCount, pending);
    }
}
