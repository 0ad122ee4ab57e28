using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Application.Decisions;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A fund manager approves (with an optional note) or refuses (with a note) a pending amendment. An
/// approved extension moves the end date; an approved budget revision replaces the budget, and when
/// its total is above the grant's amount raises the grant by at most what the call can still fund.
/// Deciding an amendment already decided the same way changes nothing.
/// </summary>
public sealed record DecideAmendment(Guid GrantId, Guid AmendmentId, Guid? Version, bool Approve, string? Note) : IUseCase<Done>;

internal sealed class DecideAmendmentValidator : AbstractValidator<DecideAmendment>
{
    public DecideAmendmentValidator()
    {
        RuleFor(x => x.Note).NotEmpty().When(x => !x.Approve).WithMessage("Give the reason for refusing the amendment.");
        RuleFor(x => x.Note).MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class DecideAmendmentHandler : IUseCaseHandler<DecideAmendment, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public DecideAmendmentHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(DecideAmendment request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        var amendment = grant.Amendments.FirstOrDefault(a => a.Id == request.AmendmentId) ?? throw new NotFoundException();
        if (amendment.Status == (request.Approve ? AmendmentStatus.Approved : AmendmentStatus.Refused))
        {
            return Done.Value;
        }

        _db.ExpectVersion(grant, request.Version);
        var who = _actor.Name ?? "unknown";
        var now = _clock.GetUtcNow().UtcDateTime;
        if (!request.Approve)
        {
            grant.RefuseAmendment(amendment.Id, request.Note!, who, now);
            await _db.SaveChangesAsync(cancellationToken);
            return Done.Value;
        }

        if (amendment.Kind == AmendmentKind.NoCostExtension)
        {
            grant.ApproveAmendment(amendment.Id, who, request.Note, now);
            await _db.SaveChangesAsync(cancellationToken);
            return Done.Value;
        }

        // A revision may raise the grant out of the call's envelope: it claims the call's decision stamp,
        // as a Board decision does, so what the call can still fund is read by one of them at a time.
        await using var transaction = await _db.BeginTransactionAsync(cancellationToken: cancellationToken);
        await CallDecisions.ClaimAsync(_db, grant.CallId, await CallDecisions.StampAsync(_db, grant.CallId, cancellationToken), cancellationToken);
        grant.ApproveAmendment(amendment.Id, who, request.Note, now, await GrantFunds.UncommittedAsync(_db, grant.CallId, cancellationToken));
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Done.Value;
    }
}
