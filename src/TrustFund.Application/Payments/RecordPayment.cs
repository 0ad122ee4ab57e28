using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A finance officer records the payment of an approved instalment: the date the money left, the
/// bank's reference (unique on the grant) and the amount, which must be the instalment's. The sum
/// paid never exceeds the grant, even when several are recorded at the same moment: the others are
/// told the instalment is already paid, by whom and with which reference. Sending the same payment
/// twice (same reference) records it once.
/// </summary>
public sealed record RecordPayment(Guid GrantId, Guid InstalmentId, decimal? Amount, DateOnly? PaidOn, string? Reference) : IUseCase<PaymentRecorded>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

/// <summary>The instalment's number and the amount paid, and whether this payment was already recorded (a second press).</summary>
public sealed record PaymentRecorded(int Number, Money Amount, bool AlreadyRecorded);

internal sealed class RecordPaymentValidator : AbstractValidator<RecordPayment>
{
    public RecordPaymentValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("Enter the amount paid, in US dollars.")
            .GreaterThan(0m).WithMessage("The amount must be above zero.")
            .Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).WithMessage("Amounts have at most two decimals (cents).")
            .LessThanOrEqualTo(Money.MaximumAmount).WithMessage("The amount is too large.");
        RuleFor(x => x.PaidOn).NotNull().WithMessage("Enter the date of the payment.");
        RuleFor(x => x.Reference).NotEmpty().WithMessage("Enter the payment reference.")
            .MaximumLength(LedgerEntry.ReferenceMaxLength).WithText("A reference has at most {0} characters.", LedgerEntry.ReferenceMaxLength);
    }
}

internal sealed class RecordPaymentHandler : IUseCaseHandler<RecordPayment, PaymentRecorded>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordPaymentHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<PaymentRecorded> HandleAsync(RecordPayment request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Settle);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var grant = locked.Grant;
        var instalment = grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        var reference = request.Reference!.Trim();
        var payment = ApproveReleaseHandler.Payment(grant, instalment);
        if (payment is not null && string.Equals(payment.Reference, reference, StringComparison.OrdinalIgnoreCase) && payment.Amount.Amount == request.Amount)
        {
            return new PaymentRecorded(instalment.Number, payment.Amount, AlreadyRecorded: true);
        }

        if (instalment.Status == InstalmentStatus.Paid)
        {
            throw InstalmentWords.AlreadyMoved(instalment, payment);
        }

        var userId = _actor.UserId ?? throw new NotFoundException();
        await BankVerification.CatchUpAsync(_db, grant, cancellationToken);
        var entry = grant.RecordPayment(instalment.Id, Money.Usd(request.Amount!.Value), request.PaidOn!.Value, reference, userId, _actor.Name ?? "system", locked.OpenConcerns, _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        TrustFundTelemetry.Payments.Add(1);
        return new PaymentRecorded(instalment.Number, entry.Amount, AlreadyRecorded: false);
    }
}
