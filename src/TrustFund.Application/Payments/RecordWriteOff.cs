using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A finance officer records unspent money the fund decides not to recover, with the reason: a ledger
/// entry that moves no money. <see cref="SeenEntries"/> as in <see cref="RecordRefund"/>.
/// </summary>
public sealed record RecordWriteOff(Guid GrantId, int? SeenEntries, decimal? Amount, DateOnly? DecidedOn, string? Reason) : IUseCase<LedgerEntryWritten>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

internal sealed class RecordWriteOffValidator : AbstractValidator<RecordWriteOff>
{
    public RecordWriteOffValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("Enter the amount written off, in US dollars.")
            .GreaterThan(0m).WithMessage("The amount must be above zero.")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("Amounts have at most two decimals (cents).")
            .LessThanOrEqualTo(Money.MaximumAmount).WithMessage("The amount is too large.");
        RuleFor(x => x.DecidedOn).NotNull().WithMessage("Enter the date of the decision.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for writing the amount off.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class RecordWriteOffHandler : IUseCaseHandler<RecordWriteOff, LedgerEntryWritten>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordWriteOffHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<LedgerEntryWritten> HandleAsync(RecordWriteOff request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Settle);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        LedgerStamp.Ensure(locked.Grant, request.SeenEntries);
        var entry = locked.Grant.RecordWriteOff(Money.Usd(request.Amount!.Value), request.DecidedOn!.Value, request.Reason!, _actor.UserId ?? Guid.Empty, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new LedgerEntryWritten(entry.Kind, entry.Amount);
    }
}
