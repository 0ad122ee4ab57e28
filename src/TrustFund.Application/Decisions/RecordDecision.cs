using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A fund manager records the Board's decision on a ranked application at one of the call's sessions,
/// checked by the decision policy: an approval is for more than zero and at most the request, never
/// takes the total approved beyond the envelope, and needs a written justification when it passes over
/// a higher-ranked eligible application; a reserve-list application may be approved later, while funds
/// remain. The application moves to approved, reserve list or not approved; an approval creates the
/// grant (number, dates, instalments, reports). <see cref="Stamp"/> is the call's decision stamp the
/// page showed: a decision recorded by someone else since (which may have used the envelope) makes this
/// one stale. The same decision sent twice is recorded once.
/// </summary>
public sealed record RecordDecision(
    Guid CallId,
    Guid ApplicationId,
    Guid? SessionId,
    Guid? Stamp,
    DecisionOutcome? Outcome,
    decimal? Amount,
    string? Conditions,
    string? Justification,
    string? Feedback) : IUseCase<DecisionRecorded>, IRetryOnCollision
{
    /// <summary>The unique index of grant numbers.</summary>
    public const string OneGrantPerNumber = "IX_Grants_Number";

    /// <summary>Two awards numbered at once: the second runs again and takes the next number.</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(OneGrantPerNumber);
}

/// <summary>What was recorded: the decision, and for an approval the grant it created.</summary>
public sealed record DecisionRecorded(Guid DecisionId, DecisionOutcome Outcome, bool AlreadyRecorded, Guid? GrantId, string? GrantNumber);

internal sealed class RecordDecisionValidator : AbstractValidator<RecordDecision>
{
    public RecordDecisionValidator()
    {
        RuleFor(x => x.SessionId).NotNull().WithMessage("Choose the Board session that took the decision.");
        RuleFor(x => x.Outcome).NotNull().WithMessage("Choose the Board's decision.")
            .IsInEnum().WithMessage("Choose the Board's decision.");
        RuleFor(x => x.Amount)
            .Must(a => a is null || (a >= 0 && a <= Money.MaximumAmount && decimal.Round(a.Value, 2) == a))
            .WithMessage("Enter the approved amount in US dollars, with at most two decimals.");
        RuleFor(x => x.Amount).NotNull().When(x => x.Outcome == DecisionOutcome.Approved)
            .WithMessage("Enter the approved amount: more than zero, at most the amount requested.");
        foreach (var (field, label) in new (System.Linq.Expressions.Expression<Func<RecordDecision, string?>>, string)[]
        {
            (x => x.Conditions, "Write the conditions in at most {0:N0} characters."),
            (x => x.Justification, "Write the justification in at most {0:N0} characters."),
            (x => x.Feedback, "Write the feedback in at most {0:N0} characters."),
        })
        {
            RuleFor(field).MaximumLength(DecisionPolicy.TextMaxLength)
                .WithText(label, DecisionPolicy.TextMaxLength);
        }
    }
}

internal sealed class RecordDecisionHandler : IUseCaseHandler<RecordDecision, DecisionRecorded>
{
    private readonly ITrustFundDb _db;
    private readonly IRankings _rankings;
    private readonly IGrantNumbers _numbers;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordDecisionHandler(ITrustFundDb db, IRankings rankings, IGrantNumbers numbers, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _rankings = rankings;
        _numbers = numbers;
        _actor = actor;
        _clock = clock;
    }

    public async Task<DecisionRecorded> HandleAsync(RecordDecision request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == request.ApplicationId && a.CallId == call.Id, cancellationToken) ?? throw new NotFoundException();
        var session = await _db.BoardSessions.Include(s => s.Decisions)
            .SingleOrDefaultAsync(s => s.Id == request.SessionId && s.CallId == call.Id, cancellationToken)
            ?? throw new RefusedException(Problem.For(nameof(RecordDecision.SessionId), "Choose one of this call's Board sessions."));
        var outcome = request.Outcome!.Value;
        if (session.Decisions.FirstOrDefault(d => d.ApplicationId == application.Id) is { } earlier && earlier.Outcome == outcome
            && (outcome != DecisionOutcome.Approved || earlier.Amount?.Amount == request.Amount))
        {
            var existing = await _db.Grants.AsNoTracking().Where(g => g.ApplicationId == application.Id).Select(g => new { g.Id, g.Number }).FirstOrDefaultAsync(cancellationToken);
            return new DecisionRecorded(earlier.Id, earlier.Outcome, true, existing?.Id, existing?.Number);
        }

        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        await CallDecisions.ClaimAsync(_db, call.Id, request.Stamp, cancellationToken);
        var others = await _db.BoardSessions.AsNoTracking().Include(s => s.Decisions)
            .Where(s => s.CallId == call.Id && s.Id != session.Id)
            .ToListAsync(cancellationToken);
        var ranking = await _rankings.ReadAsync(call.Id, cancellationToken) ?? throw new NotFoundException();
        var granted = await CallDecisions.GrantedAsync(_db, call.Id, cancellationToken);
        var decisions = CallDecisions.Prior([.. others, session]);
        var context = new DecisionContext(CallDecisions.Envelope(call, granted, decisions), CallDecisions.Candidates(ranking), CallDecisions.Prior(others));
        var proposed = new ProposedDecision(
            application.Id,
            outcome,
            request.Amount is { } amount ? Money.Usd(amount) : null,
            request.Conditions,
            request.Justification,
            request.Feedback);

        var who = _actor.Name ?? "unknown";
        var now = _clock.GetUtcNow().UtcDateTime;
        var decision = session.Decide(application, proposed, context, who, now);
        AwardedGrant? award = null;
        if (decision.Outcome == DecisionOutcome.Approved)
        {
            var sequence = await _numbers.TakeAsync(GrantAward.NumberingYear(call), cancellationToken);
            award = GrantAward.Award(application, call, decision.Amount!.Value, session.HeldOn, sequence, who, now);
            _db.Grants.Add(award.Grant);
            _db.GranteeReports.AddRange(award.Reports);
        }

        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new DecisionRecorded(decision.Id, decision.Outcome, false, award?.Grant.Id, award?.Grant.Number);
    }
}
