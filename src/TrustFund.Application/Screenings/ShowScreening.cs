using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Screenings;

/// <summary>
/// The eligibility screening of a submitted application's latest version, as a fund manager sees it:
/// the version judged, the call's terms in force when it was submitted, the documents it was submitted
/// with, its screening (null before the first save) and the screenings of earlier versions.
/// </summary>
public sealed record ShowScreening(Guid ApplicationId) : IUseCase<ScreeningView>;

/// <summary>What the screening page needs.</summary>
/// <param name="Terms">The call's terms in force when the screened version was submitted (the call's current terms for versions submitted before terms were recorded).</param>
/// <param name="Documents">How many documents of each type the screened version was submitted with.</param>
/// <param name="Current">The screening of the latest version; null until someone saves it.</param>
/// <param name="Previous">The screenings of earlier versions, latest first.</param>
public sealed record ScreeningView(
    GrantApplication Application,
    Call Call,
    CallTerms Terms,
    Organisation Organisation,
    IReadOnlyDictionary<DocumentType, int> Documents,
    Screening? Current,
    IReadOnlyList<Screening> Previous)
{
    /// <summary>The number of the version being screened.</summary>
    public int VersionNumber => Application.VersionCount;
}

internal sealed class ShowScreeningHandler : IUseCaseHandler<ShowScreening, ScreeningView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowScreeningHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<ScreeningView> HandleAsync(ShowScreening request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == request.ApplicationId && a.SubmittedAtUtc != null, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Assess);
        var call = await _db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, cancellationToken);
        var screenings = await _db.Screenings.AsNoTracking()
            .Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.VersionNumber)
            .ToListAsync(cancellationToken);
        var latest = application.Versions.OrderBy(v => v.Number).LastOrDefault();
        return new ScreeningView(
            application,
            call,
            latest?.Terms ?? call.Terms,
            organisation,
            await ScreenedDocuments.CountAsync(_db, application, latest, cancellationToken),
            screenings.FirstOrDefault(s => s.VersionNumber == application.VersionCount),
            [.. screenings.Where(s => s.VersionNumber < application.VersionCount)]);
    }
}
