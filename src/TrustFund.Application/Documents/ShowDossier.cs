using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Documents;

/// <summary>
/// An application's dossier: its last submitted version (or the draft, for its organisation, before any
/// submission), the documents it relied on, and its screening. Fund managers also get the submitted
/// reviews; the applying organisation gets no reviewer data at all, not even that reviews exist. Anyone
/// who may not read the application finds nothing.
/// </summary>
public sealed record ShowDossier(Guid ApplicationId) : IUseCase<Dossier>;

/// <summary>What the dossier prints.</summary>
/// <param name="Version">The submitted version shown; null when the draft is shown (never submitted).</param>
/// <param name="Reviews">The submitted reviews, for the Secretariat; null for the applying organisation.</param>
public sealed record Dossier(
    Guid ApplicationId,
    string? Reference,
    string Title,
    ApplicationStatus Status,
    string OrganisationName,
    string CallCode,
    string CallTitle,
    string TimeZoneId,
    DossierVersion? Version,
    ProposalContent Content,
    IReadOnlyList<SubmittedDocument> Documents,
    DossierScreening? Screening,
    IReadOnlyList<DossierReview>? Reviews)
{
    /// <summary>The Secretariat's version (with reviews), not the organisation's.</summary>
    public bool ForSecretariat => Reviews is not null;

    /// <summary>The reference, or the title while there is none.</summary>
    public string Label => Reference ?? Title;
}

/// <summary>The submitted version a dossier shows.</summary>
public sealed record DossierVersion(int Number, DateTime SubmittedAtUtc, string SubmittedBy);

/// <summary>Eligibility screening: the outcome and its reason; the gates with their comments for the Secretariat only.</summary>
public sealed record DossierScreening(ScreeningOutcome? Outcome, string? Reason, DateTime? DecidedAtUtc, IReadOnlyList<GateResult> Gates);

/// <summary>One submitted review, as the Secretariat sees it.</summary>
public sealed record DossierReview(string ReviewerName, decimal? WeightedScore, Recommendation? Recommendation, string Summary, DateTime? SubmittedAtUtc);

internal sealed class ShowDossierHandler : IUseCaseHandler<ShowDossier, Dossier>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowDossierHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<Dossier> HandleAsync(ShowDossier request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        var access = ApplicationAccess.Of(application);
        await _access.EnsureAsync(access, ApplicationOperations.Read);
        var secretariat = await _access.AllowsAsync(access, ApplicationOperations.Assess);
        var call = await _db.Calls.AsNoTracking().Where(c => c.Id == application.CallId)
            .Select(c => new { c.Terms.Code, c.Terms.Title, c.Terms.TimeZoneId }).SingleAsync(cancellationToken);
        var version = application.Versions.OrderByDescending(v => v.Number).FirstOrDefault();

        var screening = await _db.Screenings.AsNoTracking().Where(s => s.ApplicationId == application.Id)
            .OrderByDescending(s => s.VersionNumber).FirstOrDefaultAsync(cancellationToken);
        DossierScreening? screened = screening is null
            ? ScreeningOutcomes.Of(application.Status) is { } outcome ? new DossierScreening(outcome, application.IneligibilityReason, null, []) : null
            : secretariat
                ? new DossierScreening(screening.Outcome, screening.OutcomeReason, screening.DecidedAtUtc, screening.Gates)
                : screening.IsDecided ? new DossierScreening(screening.Outcome, screening.OutcomeReason, screening.DecidedAtUtc, []) : null;

        IReadOnlyList<DossierReview>? reviews = null;
        if (secretariat)
        {
            var submitted = await _db.ReviewAssignments.AsNoTracking()
                .Where(a => a.ApplicationId == application.Id && a.Status == AssignmentStatus.Submitted)
                .Select(a => new { a.ReviewerName, a.WeightedScore, a.Recommendation, a.Summary, a.SubmittedAtUtc })
                .ToListAsync(cancellationToken);
            reviews = [.. submitted
                .OrderBy(r => r.SubmittedAtUtc)
                .ThenBy(r => r.ReviewerName, StringComparer.Ordinal)
                .Select(r => new DossierReview(r.ReviewerName, r.WeightedScore, r.Recommendation, r.Summary, r.SubmittedAtUtc))];
        }

        return new Dossier(
            application.Id,
            application.Reference,
            version?.Content.Title ?? application.Title,
            application.Status,
            version?.OrganisationName ?? application.OrganisationName,
            call.Code,
            call.Title,
            call.TimeZoneId,
            version is null ? null : new DossierVersion(version.Number, version.SubmittedAtUtc, version.SubmittedBy),
            version?.Content ?? application.Content,
            version?.Documents ?? [],
            screened,
            reviews);
    }
}
