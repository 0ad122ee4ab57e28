using System.Data;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Applications;

/// <summary>
/// An applicant submits their organisation's application (or resubmits it after a request for
/// information). Every rule is checked at once; the first submission takes the call's next reference
/// number; an immutable version keeps the content, the call's terms in force, the organisation's name
/// and the documents relied on. A repeated click finds it already submitted.
/// </summary>
public sealed record SubmitApplication(Guid ApplicationId) : IUseCase<SubmittedApplication>, IRetryOnCollision
{
    /// <summary>Only a reference number given twice (the unique index refuses it) is known to be safe to try again.</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn("IX_Applications_Reference");
}

/// <summary>The submission: its reference and version, or that it had already been submitted (a repeated click).</summary>
public sealed record SubmittedApplication(string? Reference, int VersionNumber, bool Resubmission, bool AlreadySubmitted);

internal sealed class SubmitApplicationHandler : IUseCaseHandler<SubmitApplication, SubmittedApplication>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IReferenceNumbers _references;
    private readonly ICollisionDetector _collisions;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public SubmitApplicationHandler(ITrustFundDb db, RecordAccess access, IReferenceNumbers references, ICollisionDetector collisions, ICurrentActor actor, TimeProvider clock)
    {
        _collisions = collisions;
        _db = db;
        _access = access;
        _references = references;
        _actor = actor;
        _clock = clock;
    }

    public async Task<SubmittedApplication> HandleAsync(SubmitApplication request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == request.ApplicationId, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Edit);
        if (!application.IsEditable)
        {
            return application.Reference is null
                ? throw new RefusedException("This application can no longer be submitted.")
                : new SubmittedApplication(application.Reference, application.VersionCount, false, AlreadySubmitted: true);
        }

        var call = await _db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var organisation = await _db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId).Select(o => new { o.LegalName, o.Status }).SingleAsync(cancellationToken);
        var documents = await SubmissionDocuments.AvailableTo(_db, application).ToListAsync(cancellationToken);
        var context = new SubmissionContext(call, organisation.Status == OrganisationStatus.Verified, organisation.LegalName, [.. documents.Select(SubmittedDocument.Of)], now);
        var submitter = await _db.Users.Where(u => u.Id == _actor.UserId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken);
        var resubmission = application.Status == ApplicationStatus.InformationRequested;

        try
        {
            await using var transaction = await _db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            application.Submit(context, application.Reference ?? await _references.TakeAsync(call, now, cancellationToken), string.IsNullOrWhiteSpace(submitter) ? _actor.Name ?? string.Empty : submitter);
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            TrustFundTelemetry.Submissions.Add(1, new KeyValuePair<string, object?>("trustfund.resubmission", resubmission));
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || _collisions.Detect(ex)?.IsDuplicateOn("IX_ApplicationVersions_ApplicationId_Number") == true)
        {
            // A second click (or a colleague) submitted it first: that submission stands.
            return await SubmittedMeanwhileAsync(request.ApplicationId, cancellationToken) ?? throw new StaleEditException(nameof(GrantApplication), request.ApplicationId);
        }

        return new SubmittedApplication(application.Reference, application.VersionCount, resubmission, AlreadySubmitted: false);
    }

    private async Task<SubmittedApplication?> SubmittedMeanwhileAsync(Guid applicationId, CancellationToken cancellationToken)
    {
        _db.Forget();
        var current = await _db.Applications.AsNoTracking().Where(a => a.Id == applicationId)
            .Select(a => new { a.Status, a.Reference, a.VersionCount }).SingleAsync(cancellationToken);
        return current.Status == ApplicationStatus.Submitted && current.Reference is not null
            ? new SubmittedApplication(current.Reference, current.VersionCount, false, AlreadySubmitted: true)
            : null;
    }
}
