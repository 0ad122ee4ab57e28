using System.Globalization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Decisions;

namespace TrustFund.Application.Decisions;

/// <summary>
/// A fund manager records a session of the Board of Trustees on a closed call: its number ("27th
/// session", unique within the call) and the day it was held (not in the future). Sending the same
/// session twice records it once.
/// </summary>
public sealed record RecordBoardSession(Guid CallId, string? Number, DateOnly? HeldOn) : IUseCase<Guid>, IRetryOnCollision
{
    /// <summary>The unique index of a session's number within its call.</summary>
    public const string OneNumberPerCall = "IX_BoardSessions_CallId_Number";

    /// <summary>The same session sent twice at once: run again, and the second finds the first's.</summary>
    public bool MayRetryAfter(Collision collision) => collision.IsDuplicateOn(OneNumberPerCall);
}

internal sealed class RecordBoardSessionValidator : AbstractValidator<RecordBoardSession>
{
    public RecordBoardSessionValidator()
    {
        RuleFor(x => x.Number).NotEmpty().WithMessage("Enter the session's number (for example \"27th session\").")
            .MaximumLength(BoardSession.NumberMaxLength).WithText("Write the session's number in at most {0} characters.", BoardSession.NumberMaxLength);
        RuleFor(x => x.HeldOn).NotNull().WithMessage("Enter the day the Board met, such as 2026-05-14.");
    }
}

internal sealed class RecordBoardSessionHandler : IUseCaseHandler<RecordBoardSession, Guid>
{
    private readonly ITrustFundDb _db;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordBoardSessionHandler(ITrustFundDb db, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    /// <returns>The session's id (the existing one when it was already recorded on the same day).</returns>
    public async Task<Guid> HandleAsync(RecordBoardSession request, CancellationToken cancellationToken)
    {
        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.CallId, cancellationToken) ?? throw new NotFoundException();
        if (call.Status is CallStatus.Draft or CallStatus.Published)
        {
            throw new RefusedException(Problem.General("The Board decides on a call once it is closed: close the call first."));
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var heldOn = request.HeldOn!.Value;
        if (heldOn > DateOnly.FromDateTime(now))
        {
            throw new RefusedException(Problem.For(nameof(RecordBoardSession.HeldOn), "The session's date cannot be in the future: record a session once the Board has met."));
        }

        var number = BoardSession.NormaliseNumber(request.Number);
        var existing = await _db.BoardSessions.AsNoTracking()
            .Where(s => s.CallId == call.Id)
            .Select(s => new { s.Id, s.Number, s.HeldOn })
            .ToListAsync(cancellationToken);
        if (existing.FirstOrDefault(s => string.Equals(s.Number, number, StringComparison.OrdinalIgnoreCase)) is { } same)
        {
            return same.HeldOn == heldOn
                ? same.Id
                : throw new RefusedException(Problem.For(nameof(RecordBoardSession.Number), "This call already has a session numbered {0}.", same.Number));
        }

        var session = BoardSession.Record(call.Id, number, heldOn, _actor.Name ?? "unknown", now);
        _db.BoardSessions.Add(session);
        _audit.Record(
            AuditActions.BoardSessionRecorded,
            string.Create(CultureInfo.InvariantCulture, $"Board session {session.Number} of {heldOn:yyyy-MM-dd} recorded for call {call.Code}"),
            nameof(Call),
            call.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return session.Id;
    }
}
