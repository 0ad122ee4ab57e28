using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// A fund manager confirms the auto-assignment they previewed. The plan is computed again here, never
/// taken from the form: if it differs from the preview (its fingerprint), nothing is saved and the
/// manager is shown the new one. Otherwise every proposed assignment is created in one transaction,
/// audited, and each reviewer gets one email with their number of new assignments.
/// </summary>
public sealed record ConfirmAutoAssignment(Guid CallId, string? Fingerprint) : IUseCase<AutoAssignmentDone>, IRetryOnCollision
{
    /// <summary>The plan changed since the preview (the refusal's message).</summary>
    public const string PlanChanged = "The assignments proposed have changed since you saw them (someone assigned, a reviewer recused or a profile changed). Check the new proposal below and confirm again.";

    /// <summary>Someone assigned one of the same reviewers at the same moment: plan again (and the fingerprint then tells the manager).</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(AssignReviewer.OnePerReviewer);
}

/// <summary>How many assignments were made, to how many reviewers, and how many applications still lack reviewers.</summary>
public sealed record AutoAssignmentDone(int Assignments, int Reviewers, int Shortfalls);

internal sealed class ConfirmAutoAssignmentValidator : AbstractValidator<ConfirmAutoAssignment>
{
    public ConfirmAutoAssignmentValidator()
    {
        RuleFor(x => x.Fingerprint).NotEmpty().MaximumLength(64).WithMessage(ConfirmAutoAssignment.PlanChanged);
    }
}

internal sealed class ConfirmAutoAssignmentHandler : IUseCaseHandler<ConfirmAutoAssignment, AutoAssignmentDone>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;
    private readonly Mail _mail;

    public ConfirmAutoAssignmentHandler(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor, TimeProvider clock, Mail mail)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
        _clock = clock;
        _mail = mail;
    }

    public async Task<AutoAssignmentDone> HandleAsync(ConfirmAutoAssignment request, CancellationToken cancellationToken)
    {
        var result = await AutoAssignmentPlanning.PlanAsync(_db, request.CallId, cancellationToken);
        if (!string.Equals(result.Fingerprint, request.Fingerprint, StringComparison.Ordinal))
        {
            throw new RefusedException(Problem.General(ConfirmAutoAssignment.PlanChanged));
        }

        var plan = result.Plan;
        if (plan.Assignments.Count == 0)
        {
            return new AutoAssignmentDone(0, 0, plan.Shortfalls.Count);
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var dueOn = ReviewCalendar.Today(now, result.Terms.TimeZoneId).AddDays(result.Terms.ReviewDays);
        var day = dueOn.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
        var by = _actor.Name ?? "unknown";
        var ids = plan.Assignments.Select(a => a.ApplicationId).Distinct().ToList();
        var applications = await _db.Applications.Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        var reviewers = result.Reviewers.ToDictionary(r => r.Id);
        foreach (var planned in plan.Assignments)
        {
            var application = applications[planned.ApplicationId];
            var reviewer = reviewers[planned.ReviewerId];
            var assignment = ReviewAssignment.Assign(application, reviewer.Id, reviewer.Name, dueOn, by, now);
            _db.ReviewAssignments.Add(assignment);
            _audit.Record(AuditActions.ReviewerAssigned, $"{reviewer.Name} assigned to review {application.Reference ?? application.Title}, due {day} (auto-assignment)", nameof(ReviewAssignment), AssignmentRecords.Id(assignment.Id));
        }

        var perReviewer = plan.Assignments.GroupBy(a => a.ReviewerId).Select(g => (Reviewer: reviewers[g.Key], Count: g.Count())).OrderBy(x => x.Reviewer.Name, StringComparer.Ordinal).ToList();
        _audit.Record(
            AuditActions.ReviewersAutoAssigned,
            $"Auto-assignment of call {result.Terms.Code}: {plan.Assignments.Count} assignments to {perReviewer.Count} reviewers ({string.Join(", ", perReviewer.Select(x => $"{x.Reviewer.Name} {x.Count}"))}); {plan.Shortfalls.Count} applications not fully staffed",
            nameof(Call),
            AssignmentRecords.Id(result.CallId));
        foreach (var (reviewer, count) in perReviewer.Where(x => x.Reviewer.Email.Length > 0))
        {
            _mail.Send(ReviewEmails.AutoAssigned, new EmailRecipient(reviewer.Email, reviewer.Name, reviewer.PreferredCulture), reviewer.Name, new EmailCount(count, "{0} new review assignment", "{0} new review assignments"), result.Terms.Code, new EmailDay(dueOn), new EmailCount(count, "{0} application", "{0} applications"));
        }

        await _db.SaveChangesAsync(cancellationToken);
        return new AutoAssignmentDone(plan.Assignments.Count, perReviewer.Count, plan.Shortfalls.Count);
    }
}
