using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Concerns;

/// <summary>The safeguarding and misconduct concerns recorded against an organisation, and its grants.</summary>
public sealed record ShowConcerns(Guid OrganisationId) : IUseCase<ConcernsView>;

/// <summary>
/// The organisation's concerns, open ones first (oldest first), then closed ones (latest first); its
/// grants, whose payments an open concern blocks; and whether the current user may record concerns.
/// </summary>
public sealed record ConcernsView(Guid OrganisationId, string LegalName, IReadOnlyList<SafeguardingConcern> Concerns, IReadOnlyList<GrantLink> Grants, bool MayRecord)
{
    public IEnumerable<SafeguardingConcern> Open => Concerns.Where(c => c.IsOpen);

    public IEnumerable<SafeguardingConcern> Closed => Concerns.Where(c => !c.IsOpen);
}

/// <summary>A grant of the organisation, linking to its payments.</summary>
public sealed record GrantLink(Guid Id, string Number, GrantStatus Status, Money Amount);

internal sealed class ShowConcernsHandler : IUseCaseHandler<ShowConcerns, ConcernsView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowConcernsHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<ConcernsView> HandleAsync(ShowConcerns request, CancellationToken cancellationToken)
    {
        var resource = new ConcernAccess(request.OrganisationId);
        await _access.EnsureAsync(resource, ConcernOperations.Read);
        var name = await _db.Organisations.AsNoTracking().Where(o => o.Id == request.OrganisationId).Select(o => o.LegalName).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException();
        var concerns = await _db.SafeguardingConcerns.AsNoTracking().Where(c => c.OrganisationId == request.OrganisationId).ToListAsync(cancellationToken);
        var grants = await _db.Grants.AsNoTracking()
            .Where(g => g.OrganisationId == request.OrganisationId)
            .OrderBy(g => g.Number)
            .Select(g => new GrantLink(g.Id, g.Number, g.Status, g.Amount))
            .ToListAsync(cancellationToken);
        return new ConcernsView(
            request.OrganisationId,
            name,
            [.. concerns.Where(c => c.IsOpen).OrderBy(c => c.OpenedOn).ThenBy(c => c.OpenedAtUtc), .. concerns.Where(c => !c.IsOpen).OrderByDescending(c => c.ClosedAtUtc)],
            grants,
            await _access.AllowsAsync(resource, ConcernOperations.Record));
    }
}
