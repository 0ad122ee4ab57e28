using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Screenings;

/// <summary>
/// A fund manager saves the screening checklist of a submitted application's latest version (each gate
/// confirmed with a comment) and, optionally, records the outcome. A resubmitted version is screened
/// afresh: the confirmations of an earlier version are never carried over. The screening's version
/// (null before its first save) and the application's version are those the form showed.
/// </summary>
public sealed record RecordScreening(
    Guid ApplicationId,
    Guid? ScreeningVersion,
    Guid ApplicationVersion,
    IReadOnlyList<GateConfirmation> Gates,
    ScreeningOutcome? Outcome,
    string? Reason) : IUseCase<ScreeningRecorded>, IRetryOnCollision
{
    /// <summary>The unique index of one screening per submitted version.</summary>
    public const string OnePerVersion = "IX_Screenings_ApplicationId_VersionNumber";

    /// <summary>Two managers saving the first screening of a version at once: run again, and the second finds the first's screening (and is told who saved it).</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(OnePerVersion);
}

/// <summary>One gate as the person confirmed it.</summary>
public sealed record GateConfirmation(EligibilityGate Gate, bool Passed, string? Comment);

/// <summary>What was saved: the checklist only, an outcome, or nothing new (the same outcome was already recorded).</summary>
public enum ScreeningRecorded
{
    ChecklistSaved,
    RecordedEligible,
    RecordedIneligible,
    AlreadyRecorded,
}

internal sealed class RecordScreeningValidator : AbstractValidator<RecordScreening>
{
    public RecordScreeningValidator()
    {
        RuleFor(x => x.Reason).MaximumLength(GrantApplication.ReasonMaxLength).WithText("Write at most {0} characters.", GrantApplication.ReasonMaxLength);
        RuleForEach(x => x.Gates).ChildRules(gate =>
        {
            gate.RuleFor(g => g.Gate).IsInEnum().WithMessage("That is not one of the screening gates.");
            gate.RuleFor(g => g.Comment).MaximumLength(Screening.CommentMaxLength).WithText("Comments must be {0:N0} characters or fewer.", Screening.CommentMaxLength);
        });
    }
}

internal sealed class RecordScreeningHandler : IUseCaseHandler<RecordScreening, ScreeningRecorded>
{
    /// <summary>The field of a problem with a gate's comment (a gate's own name is the field of its result).</summary>
    public const string CommentSuffix = ".Comment";

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordScreeningHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ScreeningRecorded> HandleAsync(RecordScreening request, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == request.ApplicationId && a.SubmittedAtUtc != null, cancellationToken) ?? throw new NotFoundException();
        await _access.EnsureAsync(ApplicationAccess.Of(application), ApplicationOperations.Assess);
        var screening = await _db.Screenings.SingleOrDefaultAsync(s => s.ApplicationId == application.Id && s.VersionNumber == application.VersionCount, cancellationToken);
        if (screening?.IsDecided == true)
        {
            return request.Outcome == screening.Outcome
                ? ScreeningRecorded.AlreadyRecorded
                : throw new RefusedException(Problem.General("The screening outcome has already been recorded; it can no longer change."));
        }

        var who = _actor.Name ?? "unknown";
        var now = _clock.GetUtcNow().UtcDateTime;
        if (screening is null)
        {
            if (request.ScreeningVersion is not null)
            {
                // The form showed the screening of an earlier version: the organisation has resubmitted since.
                throw new StaleEditException(nameof(GrantApplication), application.Id);
            }

            screening = Screening.Start(application, who, now);
            _db.Screenings.Add(screening);
        }
        else
        {
            // Null when the form was shown before anyone saved: someone else started this screening meanwhile.
            _db.ExpectVersion(screening, request.ScreeningVersion);
        }

        var confirmed = Confirm(screening, request.Gates, who, now);
        if (confirmed.Count > 0)
        {
            _audit.Record(
                AuditActions.ScreeningGatesConfirmed,
                $"Screening of {application.Reference ?? application.Title}: {string.Join("; ", confirmed)}",
                nameof(GrantApplication),
                application.Id.ToString("D", CultureInfo.InvariantCulture));
        }

        if (request.Outcome is { } outcome)
        {
            _db.ExpectVersion(application, request.ApplicationVersion);
            screening.Decide(application, outcome, request.Reason, who, now);
        }

        await _db.SaveChangesAsync(cancellationToken);
        if (request.Outcome is { } decided)
        {
            TrustFundTelemetry.Screenings.Add(1, new KeyValuePair<string, object?>("trustfund.outcome", decided.ToString()));
        }

        return request.Outcome switch
        {
            ScreeningOutcome.Eligible => ScreeningRecorded.RecordedEligible,
            ScreeningOutcome.Ineligible => ScreeningRecorded.RecordedIneligible,
            _ => ScreeningRecorded.ChecklistSaved,
        };
    }

    /// <summary>Confirms each gate; every gate refused is named (the field is the gate's comment) and nothing is saved.</summary>
    private static List<string> Confirm(Screening screening, IReadOnlyList<GateConfirmation> gates, string who, DateTime now)
    {
        var confirmed = new List<string>();
        var problems = new List<Problem>();
        foreach (var gate in gates)
        {
            var before = screening.ResultOf(gate.Gate);
            try
            {
                screening.ConfirmGate(gate.Gate, gate.Passed, gate.Comment ?? string.Empty, who, now);
            }
            catch (RulesViolatedException ex)
            {
                problems.AddRange(ex.Violations.Select(v => Problem.For(gate.Gate + CommentSuffix, v.Text)));
                continue;
            }
            catch (DomainException ex)
            {
                problems.Add(Problem.For(gate.Gate + CommentSuffix, ex.Text));
                continue;
            }

            if (!ReferenceEquals(before, screening.ResultOf(gate.Gate)))
            {
                confirmed.Add($"{Screening.Describe(gate.Gate)}: {(gate.Passed ? "pass" : "fail")}");
            }
        }

        return problems.Count > 0 ? throw new RefusedException(problems) : confirmed;
    }
}
