using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A finance officer corrects a payment or a refund by a new signed entry (positive: more reached the
/// grantee; negative: less) naming the entry it corrects, which stays as it was: nothing financial is
/// ever edited or deleted. <see cref="SeenEntries"/> as in <see cref="RecordRefund"/>.
/// </summary>
public sealed record RecordCorrection(Guid GrantId, int? SeenEntries, Guid? CorrectedEntryId, decimal? SignedAmount, DateOnly? ValueDate, string? Reference, string? Reason) : IUseCase<LedgerEntryWritten>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

internal sealed class RecordCorrectionValidator : AbstractValidator<RecordCorrection>
{
    public RecordCorrectionValidator()
    {
        RuleFor(x => x.CorrectedEntryId).NotNull().WithMessage("Choose the entry to correct.");
        RuleFor(x => x.SignedAmount).NotNull().WithMessage("Enter the correction in US dollars: positive when more reached the organisation, negative when less.")
            .NotEqual(0m).WithMessage("Enter the correction in US dollars, not zero, with at most two decimals.")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("Amounts have at most two decimals (cents).")
            .Must(a => a is null || Math.Abs(a.Value) <= Money.MaximumAmount).WithMessage("The amount is too large.");
        RuleFor(x => x.ValueDate).NotNull().WithMessage("Enter the date of the correction.");
        RuleFor(x => x.Reference).MaximumLength(LedgerEntry.ReferenceMaxLength).WithText("A reference has at most {0} characters.", LedgerEntry.ReferenceMaxLength);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for the correction.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class RecordCorrectionHandler : IUseCaseHandler<RecordCorrection, LedgerEntryWritten>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordCorrectionHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<LedgerEntryWritten> HandleAsync(RecordCorrection request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Settle);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        LedgerStamp.Ensure(locked.Grant, request.SeenEntries);
        var entry = locked.Grant.RecordCorrection(request.CorrectedEntryId!.Value, request.SignedAmount!.Value, request.ValueDate!.Value, request.Reference, request.Reason!, _actor.UserId ?? Guid.Empty, _actor.Name ?? "system", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new LedgerEntryWritten(entry.Kind, entry.Amount);
    }
}
