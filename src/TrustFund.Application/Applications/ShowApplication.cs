using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Applications;

/// <summary>
/// One application as its organisation sees it, with its call: for the overview, the section forms,
/// submission and withdrawal (the receipt and the comparison of versions build on it). Optionally with
/// its submitted versions and the checks a submission would run now. Another organisation's
/// application is not found.
/// </summary>
public sealed record ShowApplication(Guid ApplicationId, bool WithVersions = false, bool WithChecks = false) : IUseCase<ApplicationDetails>;

/// <summary>The application (not tracked), its call, and the submission checks when asked for (else empty).</summary>
public sealed record ApplicationDetails(GrantApplication Application, Call Call, IReadOnlyList<SubmissionCheck> Checks)
{
    /// <summary>The submitted versions, oldest first (empty unless asked for).</summary>
    public IReadOnlyList<ApplicationVersion> Versions => [.. Application.Versions.OrderBy(v => v.Number)];
}

internal sealed class ShowApplicationHandler : IUseCaseHandler<ShowApplication, ApplicationDetails>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowApplicationHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<ApplicationDetails> HandleAsync(ShowApplication request, CancellationToken cancellationToken)
    {
        IQueryable<GrantApplication> query = _db.Applications.AsNoTracking();
        if (request.WithVersions || request.WithChecks)
        {
            query = query.Include(a => a.Versions);
        }

        var application = await query.SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Read);
        var call = await _db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var checks = request.WithChecks
            ? application.CheckSubmission(await SubmissionContextAsync(_db, application, call, _clock.GetUtcNow().UtcDateTime, cancellationToken))
            : [];
        return new ApplicationDetails(application, call, checks);
    }

    /// <summary>What a submission of <paramref name="application"/> would be checked against now.</summary>
    internal static async Task<SubmissionContext> SubmissionContextAsync(ITrustFundDb db, GrantApplication application, Call call, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId).Select(o => new { o.LegalName, o.Status }).SingleAsync(cancellationToken);
        var documents = await SubmissionDocuments.AvailableTo(db, application).ToListAsync(cancellationToken);
        return new SubmissionContext(call, organisation.Status == OrganisationStatus.Verified, organisation.LegalName, [.. documents.Select(SubmittedDocument.Of)], nowUtc);
    }
}
