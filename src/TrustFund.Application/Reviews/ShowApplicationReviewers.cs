using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// The fund manager's page of one application's reviewers: its assignments, and every active reviewer
/// not yet assigned to it with their load and languages, and why they cannot be assigned (a member of
/// the organisation, a pinned or declared conflict, a probable conflict nobody has ruled on).
/// </summary>
public sealed record ShowApplicationReviewers(Guid ApplicationId) : IUseCase<ApplicationReviewersView>;

/// <summary>What the page shows.</summary>
public sealed record ApplicationReviewersView(
    Guid ApplicationId,
    Guid CallId,
    string CallCode,
    string? Reference,
    string Title,
    string OrganisationName,
    ApplicationStatus Status,
    ProposalLanguage? Language,
    int ReviewersPerApplication,
    int ReviewDays,
    DateOnly Today,
    IReadOnlyList<AssignmentRow> Assignments,
    IReadOnlyList<CandidateRow> Candidates)
{
    /// <summary>Whether reviewers can be assigned in the application's status.</summary>
    public bool AcceptsReviewers => Status is ApplicationStatus.Eligible or ApplicationStatus.UnderReview or ApplicationStatus.Reviewed;

    /// <summary>Assignments that count towards the call's number of reviewers (open or submitted).</summary>
    public int ActiveCount => Assignments.Count(a => a.Status is AssignmentStatus.Pending or AssignmentStatus.Draft or AssignmentStatus.Submitted);
}

/// <summary>One assignment of the application.</summary>
public sealed record AssignmentRow(
    Guid Id,
    Guid Version,
    Guid ReviewerId,
    string ReviewerName,
    AssignmentStatus Status,
    DateOnly DueOn,
    bool Overdue,
    ConflictType? ConflictType,
    string? ConflictNote,
    decimal? WeightedScore,
    DateTime AssignedAtUtc,
    DateTime? LastRemindedAtUtc)
{
    public bool IsOpen => Status is AssignmentStatus.Pending or AssignmentStatus.Draft;
}

/// <summary>A reviewer who could be added, or why not (<see cref="Exclusion"/> null when assignable on conflicts).</summary>
public sealed record CandidateRow(PoolReviewer Reviewer, ExclusionReason? Exclusion, bool ReadsLanguage)
{
    public bool AtMaximumLoad => Reviewer.OpenLoad >= Reviewer.MaximumLoad;

    public bool Assignable => Exclusion is null;
}

internal sealed class ShowApplicationReviewersHandler : IUseCaseHandler<ShowApplicationReviewers, ApplicationReviewersView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly TimeProvider _clock;

    public ShowApplicationReviewersHandler(ITrustFundDb db, RecordAccess access, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _clock = clock;
    }

    public async Task<ApplicationReviewersView> HandleAsync(ShowApplicationReviewers request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == request.ApplicationId && a.SubmittedAtUtc != null)
            .Select(a => new { a.Id, a.CallId, a.OrganisationId, a.OrganisationName, a.Reference, a.Title, a.Status, a.Content, a.SubmittedAtUtc })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(new ApplicationAccess(application.OrganisationId, true), ApplicationOperations.Assess);
        var call = await _db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => new { c.Id, c.Terms }).SingleAsync(cancellationToken);
        var today = ReviewCalendar.Today(_clock.GetUtcNow().UtcDateTime, call.Terms.TimeZoneId);
        var assignments = await _db.ReviewAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id)
            .OrderBy(a => a.AssignedAtUtc)
            .ToListAsync(cancellationToken);
        var reviewers = await ReviewerPool.ActiveAsync(_db, cancellationToken);
        var exclusions = await ReviewerExclusions.FindAsync(_db, [application.OrganisationId], reviewers, cancellationToken);
        var assigned = assignments.Select(a => a.ReviewerId).ToHashSet();
        var language = application.Content.Language;
        return new ApplicationReviewersView(
            application.Id,
            call.Id,
            call.Terms.Code,
            application.Reference,
            application.Title,
            application.OrganisationName,
            application.Status,
            language,
            call.Terms.ReviewersPerApplication,
            call.Terms.ReviewDays,
            today,
            [.. assignments.Select(a => new AssignmentRow(a.Id, a.Version, a.ReviewerId, a.ReviewerName, a.Status, a.DueOn, a.IsOverdueOn(today), a.ConflictType, a.ConflictNote, a.WeightedScore, a.AssignedAtUtc, a.LastRemindedAtUtc))],
            [.. reviewers.Where(r => !assigned.Contains(r.Id))
                .Select(r => new CandidateRow(r, exclusions.GetValueOrDefault((r.Id, application.OrganisationId)), language is null || r.Languages.Contains(language.Value)))]);
    }
}
