using System.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Concerns;

/// <summary>
/// A fund manager records a safeguarding, misconduct, fraud or other concern against an organisation:
/// from then on none of its instalments can be released or paid. The same concern sent twice (same
/// category, date and note, still open) is recorded once.
/// </summary>
public sealed record OpenConcern(Guid OrganisationId, ConcernCategory? Category, DateOnly? OpenedOn, string? Note) : IUseCase<ConcernOpenedResult>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

/// <summary>The concern, and whether it was already recorded (a second press).</summary>
public sealed record ConcernOpenedResult(Guid ConcernId, bool AlreadyRecorded);

internal sealed class OpenConcernValidator : AbstractValidator<OpenConcern>
{
    public OpenConcernValidator()
    {
        RuleFor(x => x.Category).NotNull().WithMessage("Choose the kind of concern.").IsInEnum().WithMessage("Choose the kind of concern.");
        RuleFor(x => x.OpenedOn).NotNull().WithMessage("Enter the date of the concern.");
        RuleFor(x => x.Note).NotEmpty().WithText("Describe the concern in 1 to {0:N0} characters.", SafeguardingConcern.NoteMaxLength)
            .MaximumLength(SafeguardingConcern.NoteMaxLength).WithText("Describe the concern in 1 to {0:N0} characters.", SafeguardingConcern.NoteMaxLength);
    }
}

internal sealed class OpenConcernHandler : IUseCaseHandler<OpenConcern, ConcernOpenedResult>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public OpenConcernHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ConcernOpenedResult> HandleAsync(OpenConcern request, CancellationToken cancellationToken)
    {
        await _access.EnsureAsync(new ConcernAccess(request.OrganisationId), ConcernOperations.Record);
        if (!await _db.Organisations.AnyAsync(o => o.Id == request.OrganisationId, cancellationToken))
        {
            throw new NotFoundException();
        }

        // The organisation's grants are locked first, as a payment locks its grant: a payment in
        // progress finishes before the concern exists, and any later one sees it.
        await using var transaction = await _db.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await LockedGrant.LockAllOfAsync(_db, request.OrganisationId, cancellationToken);
        var note = request.Note!.Trim();
        var same = await _db.SafeguardingConcerns.AsNoTracking()
            .Where(c => c.OrganisationId == request.OrganisationId && c.Status == ConcernStatus.Open && c.Category == request.Category && c.OpenedOn == request.OpenedOn && c.Note == note)
            .Select(c => (Guid?)c.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (same is { } existing)
        {
            return new ConcernOpenedResult(existing, AlreadyRecorded: true);
        }

        var concern = SafeguardingConcern.Open(request.OrganisationId, request.Category!.Value, request.OpenedOn!.Value, note, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        _db.SafeguardingConcerns.Add(concern);
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ConcernOpenedResult(concern.Id, AlreadyRecorded: false);
    }
}
