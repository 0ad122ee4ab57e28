using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A finance officer records money the grantee paid back, as a new ledger entry: at most what the
/// grantee has received, with a reference unique on the grant. <see cref="SeenEntries"/> is the
/// number of ledger entries the page showed (<see cref="LedgerStamp"/>).
/// </summary>
public sealed record RecordRefund(Guid GrantId, int? SeenEntries, decimal? Amount, DateOnly? ReceivedOn, string? Reference, string? Note) : IUseCase<LedgerEntryWritten>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

/// <summary>The entry written: its kind and amount.</summary>
public sealed record LedgerEntryWritten(LedgerEntryKind Kind, Money Amount);

internal sealed class RecordRefundValidator : AbstractValidator<RecordRefund>
{
    public RecordRefundValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("Enter the amount refunded, in US dollars.")
            .GreaterThan(0m).WithMessage("The amount must be above zero.")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("Amounts have at most two decimals (cents).")
            .LessThanOrEqualTo(Money.MaximumAmount).WithMessage("The amount is too large.");
        RuleFor(x => x.ReceivedOn).NotNull().WithMessage("Enter the date the refund was received.");
        RuleFor(x => x.Reference).NotEmpty().WithMessage("Enter the payment reference.")
            .MaximumLength(LedgerEntry.ReferenceMaxLength).WithText("A reference has at most {0} characters.", LedgerEntry.ReferenceMaxLength);
        RuleFor(x => x.Note).MaximumLength(LedgerEntry.NoteMaxLength).WithText("Write at most {0:N0} characters.", LedgerEntry.NoteMaxLength);
    }
}

internal sealed class RecordRefundHandler : IUseCaseHandler<RecordRefund, LedgerEntryWritten>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordRefundHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<LedgerEntryWritten> HandleAsync(RecordRefund request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Settle);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        LedgerStamp.Ensure(locked.Grant, request.SeenEntries);
        var entry = locked.Grant.RecordRefund(Money.Usd(request.Amount!.Value), request.ReceivedOn!.Value, request.Reference!, request.Note, _actor.UserId ?? Guid.Empty, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new LedgerEntryWritten(entry.Kind, entry.Amount);
    }
}
