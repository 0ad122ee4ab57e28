using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Concerns;

/// <summary>
/// A fund manager closes a concern with its written outcome; the organisation's payments are no longer
/// blocked by it. <see cref="Version"/> is the concern's version the page showed.
/// </summary>
public sealed record CloseConcern(Guid OrganisationId, Guid ConcernId, Guid? Version, string? Outcome) : IUseCase<ConcernClosedResult>;

/// <summary>Whether the concern was already closed (a second press).</summary>
public sealed record ConcernClosedResult(bool AlreadyClosed);

internal sealed class CloseConcernValidator : AbstractValidator<CloseConcern>
{
    public CloseConcernValidator()
    {
        RuleFor(x => x.Outcome).NotEmpty().WithText("Write the outcome of the concern in 1 to {0:N0} characters.", SafeguardingConcern.OutcomeMaxLength)
            .MaximumLength(SafeguardingConcern.OutcomeMaxLength).WithText("Write the outcome of the concern in 1 to {0:N0} characters.", SafeguardingConcern.OutcomeMaxLength);
    }
}

internal sealed class CloseConcernHandler : IUseCaseHandler<CloseConcern, ConcernClosedResult>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public CloseConcernHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ConcernClosedResult> HandleAsync(CloseConcern request, CancellationToken cancellationToken)
    {
        await _access.EnsureAsync(new ConcernAccess(request.OrganisationId), ConcernOperations.Record);
        var concern = await _db.SafeguardingConcerns.SingleOrDefaultAsync(c => c.Id == request.ConcernId && c.OrganisationId == request.OrganisationId, cancellationToken)
            ?? throw new NotFoundException();
        if (!concern.IsOpen)
        {
            return new ConcernClosedResult(AlreadyClosed: true);
        }

        _db.ExpectVersion(concern, request.Version);
        concern.Close(request.Outcome!, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return new ConcernClosedResult(AlreadyClosed: false);
    }
}
