using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Documents;

/// <summary>
/// A grant's payment statement: each instalment with its status, every ledger entry (payments,
/// refunds, corrections, write-offs) in the order written with the funds received to date after it,
/// the total paid and the balance remaining. The same readers as the grant; the grantee's members get
/// it without the Secretariat's notes and reasons.
/// </summary>
public sealed record ShowPaymentStatement(Guid GrantId) : IUseCase<PaymentStatement>;

/// <summary>What the payment statement prints.</summary>
/// <param name="Paid">The sum of the payments, before refunds and corrections.</param>
/// <param name="NetPaid">The funds the grantee has received: payments less refunds, with corrections.</param>
/// <param name="Balance">What remains of the grant to be paid.</param>
public sealed record PaymentStatement(
    Guid GrantId,
    string Number,
    GrantStatus Status,
    GrantParties Parties,
    Money Amount,
    DateOnly StartDate,
    DateOnly EndDate,
    IReadOnlyList<StatementInstalment> Instalments,
    IReadOnlyList<StatementLine> Lines,
    decimal Paid,
    decimal Refunded,
    decimal WrittenOff,
    decimal NetPaid,
    decimal Balance,
    bool StaffView);

/// <summary>One instalment: planned, then released (requested, approved), paid, on hold or cancelled.</summary>
public sealed record StatementInstalment(int Number, Money Amount, DateOnly PlannedOn, InstalmentStatus Status, DateOnly? PaidOn, string? Reason);

/// <summary>
/// One ledger entry with the funds received after it (<paramref name="ReceivedToDate"/>) and what then
/// remained to be paid (<paramref name="Remaining"/>).
/// </summary>
/// <param name="Reverses">For a correction, the reference (or the date) of the entry it corrects.</param>
public sealed record StatementLine(
    DateOnly ValueDate,
    LedgerEntryKind Kind,
    string? Reference,
    int? InstalmentNumber,
    string? Reverses,
    decimal Amount,
    decimal SignedAmount,
    decimal ReceivedToDate,
    decimal Remaining,
    string Note);

internal sealed class ShowPaymentStatementHandler : IUseCaseHandler<ShowPaymentStatement, PaymentStatement>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowPaymentStatementHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<PaymentStatement> HandleAsync(ShowPaymentStatement request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.ReadableAsync(_db, _access, request.GrantId, cancellationToken);
        var parties = await GrantReading.PartiesAsync(_db, grant, cancellationToken);
        var staff = await _access.AllowsAsync(new Payments.PaymentAccess(grant.OrganisationId), Payments.PaymentOperations.Follow);
        return Of(grant, parties, staff);
    }

    /// <summary>The statement of a grant: the running sums are computed entry by entry, in the order written.</summary>
    internal static PaymentStatement Of(Grant grant, GrantParties parties, bool staff)
    {
        var instalments = grant.Instalments;
        var numbers = instalments.ToDictionary(i => i.Id, i => i.Number);
        var ledger = grant.Ledger;
        var byId = ledger.ToDictionary(e => e.Id);
        var lines = new List<StatementLine>(ledger.Count);
        var received = 0m;
        foreach (var entry in ledger)
        {
            received += entry.SignedAmount;
            string? reverses = entry.CorrectsEntryId is { } corrected && byId.TryGetValue(corrected, out var original)
                ? original.Reference ?? original.ValueDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : null;
            lines.Add(new StatementLine(
                entry.ValueDate,
                entry.Kind,
                entry.Reference,
                entry.InstalmentId is { } instalment && numbers.TryGetValue(instalment, out var number) ? number : null,
                reverses,
                entry.Amount.Amount,
                entry.SignedAmount,
                received,
                grant.Amount.Amount - received,
                staff ? entry.Note : string.Empty));
        }

        return new PaymentStatement(
            grant.Id,
            grant.Number,
            grant.Status,
            parties,
            grant.Amount,
            grant.StartDate,
            grant.EndDate,
            [.. instalments.Select(i => new StatementInstalment(i.Number, i.Amount, i.PlannedOn, i.Status, i.PaidOn, !staff ? null : i.Status == InstalmentStatus.Cancelled ? i.CancellationReason : i.HoldReason))],
            lines,
            ledger.Where(e => e.Kind == LedgerEntryKind.Payment).Sum(e => e.Amount.Amount),
            grant.Refunded.Amount,
            grant.WrittenOff.Amount,
            grant.NetPaid.Amount,
            grant.Balance.Amount,
            staff);
    }
}
