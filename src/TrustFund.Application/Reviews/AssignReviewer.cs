using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A fund manager assigns a reviewer to an eligible application (or one already under review). Never a
/// member of the applicant organisation, a reviewer with a pinned or declared conflict with it, one
/// whose probable conflict nobody has ruled on, or one already assigned (or recused) on it. Due on the
/// day given, or the call's review days from today. The reviewer is emailed to declare conflicts first.
/// </summary>
public sealed record AssignReviewer(Guid ApplicationId, Guid ReviewerId, DateOnly? DueOn) : IUseCase<Guid>, IRetryOnCollision
{
    /// <summary>The unique index of one assignment per reviewer and application.</summary>
    public const string OnePerReviewer = "IX_ReviewAssignments_ApplicationId_ReviewerId";

    /// <summary>Two managers assigning the same reviewer at once: run again, and the second is told the reviewer is already assigned.</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(OnePerReviewer);
}

internal sealed class AssignReviewerHandler : IUseCaseHandler<AssignReviewer, Guid>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;
    private readonly Mail _mail;

    public AssignReviewerHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock, Mail mail)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
        _mail = mail;
    }

    public async Task<Guid> HandleAsync(AssignReviewer request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId && a.SubmittedAtUtc != null, cancellationToken)
            ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Assess);
        var terms = await _db.Calls.AsNoTracking().Where(c => c.Id == application.CallId).Select(c => c.Terms).SingleAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var today = ReviewCalendar.Today(now, terms.TimeZoneId);
        var reviewer = (await ReviewerPool.ActiveAsync(_db, cancellationToken, request.ReviewerId)).SingleOrDefault()
            ?? throw new RefusedException(Problem.For(nameof(AssignReviewer.ReviewerId), "Choose an active reviewer."));

        var earlier = await _db.ReviewAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id && a.ReviewerId == reviewer.Id)
            .Select(a => (AssignmentStatus?)a.Status)
            .SingleOrDefaultAsync(cancellationToken);
        if (earlier is { } status)
        {
            throw new RefusedException(Problem.For(
                nameof(AssignReviewer.ReviewerId),
                status switch
                {
                    AssignmentStatus.Recused => "{0} declared a conflict of interest on this application and cannot be assigned to it again.",
                    AssignmentStatus.Removed => "{0} was assigned to this application before and taken off it; a reviewer is assigned to an application only once.",
                    _ => "{0} is already assigned to this application.",
                },
                reviewer.Name));
        }

        var exclusions = await ReviewerExclusions.FindAsync(_db, [application.OrganisationId], [reviewer], cancellationToken);
        if (exclusions.GetValueOrDefault((reviewer.Id, application.OrganisationId)) is { } exclusion)
        {
            throw new RefusedException(exclusion.Kind switch
            {
                Exclusion.Member => Problem.For(nameof(AssignReviewer.ReviewerId), "{0} is a member of {1} and can never review its applications.", reviewer.Name, application.OrganisationName),
                Exclusion.Conflict => Problem.For(nameof(AssignReviewer.ReviewerId), "{0} has a conflict of interest with {1} and cannot review its applications.", reviewer.Name, application.OrganisationName),
                _ => Problem.For(nameof(AssignReviewer.ReviewerId), "{0} may have a conflict of interest with {1} ({2}). Confirm or dismiss the probable conflict before assigning them.", reviewer.Name, application.OrganisationName, OfficerMatch.Describe(exclusion.Matches)),
            });
        }

        if (request.DueOn is { } due && due < today)
        {
            throw new RefusedException(Problem.For(nameof(AssignReviewer.DueOn), "The due date cannot be in the past."));
        }

        var dueOn = request.DueOn ?? today.AddDays(terms.ReviewDays);
        var assignment = ReviewAssignment.Assign(application, reviewer.Id, reviewer.Name, dueOn, _actor.Name ?? "unknown", now);
        _db.ReviewAssignments.Add(assignment);
        var label = application.Reference ?? application.Title;
        var day = dueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        _audit.Record(AuditActions.ReviewerAssigned, $"{reviewer.Name} assigned to review {label}, due {day}", nameof(ReviewAssignment), AssignmentRecords.Id(assignment.Id));
        if (reviewer.Email.Length > 0)
        {
            _mail.Send(ReviewEmails.Assigned, new EmailRecipient(reviewer.Email, reviewer.Name, reviewer.PreferredCulture), reviewer.Name, label, new EmailDay(dueOn));
        }

        await _db.SaveChangesAsync(cancellationToken);
        return assignment.Id;
    }
}
