using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>A fund manager moves the due day of an open assignment (not into the past).</summary>
public sealed record RescheduleReview(Guid ApplicationId, Guid AssignmentId, Guid? Version, DateOnly? DueOn) : IUseCase<Done>;

internal sealed class RescheduleReviewValidator : AbstractValidator<RescheduleReview>
{
    public RescheduleReviewValidator()
    {
        RuleFor(x => x.DueOn).NotNull().WithMessage("Enter the new due date.");
    }
}

internal sealed class RescheduleReviewHandler : IUseCaseHandler<RescheduleReview, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public RescheduleReviewHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(RescheduleReview request, CancellationToken cancellationToken)
    {
        var assignment = await AssignmentRecords.FindAsync(_db, _access, request.ApplicationId, request.AssignmentId, cancellationToken);
        _db.ExpectVersion(assignment, request.Version);
        var zone = await _db.Calls.AsNoTracking().Where(c => c.Id == assignment.CallId).Select(c => c.Terms.TimeZoneId).SingleAsync(cancellationToken);
        var dueOn = request.DueOn!.Value;
        if (dueOn < ReviewCalendar.Today(_clock.GetUtcNow().UtcDateTime, zone))
        {
            throw new RefusedException(Problem.For(nameof(RescheduleReview.DueOn), "The due date cannot be in the past."));
        }

        var before = assignment.DueOn;
        assignment.Reschedule(dueOn);
        var label = await AssignmentRecords.LabelAsync(_db, assignment.ApplicationId, cancellationToken);
        _audit.Record(
            AuditActions.ReviewDueDateChanged,
            string.Create(CultureInfo.InvariantCulture, $"Review of {label} by {assignment.ReviewerName} now due {dueOn:yyyy-MM-dd} (was {before:yyyy-MM-dd})"),
            nameof(ReviewAssignment),
            AssignmentRecords.Id(assignment.Id));
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
