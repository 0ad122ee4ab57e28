using TrustFund.Domain.Common;

namespace TrustFund.Domain.Grants;

/// <summary>
/// One permanent line of a grant's ledger: a payment, a refund, a correction or a write-off. Nothing
/// changes or removes an entry once written; a mistake is fixed by a correction, a new entry that
/// names the one it corrects.
/// </summary>
public sealed class LedgerEntry
{
    public const int ReferenceMaxLength = 100;
    public const int NoteMaxLength = 2_000;

    private LedgerEntry()
    {
        By = string.Empty;
        Note = string.Empty;
    }

    internal LedgerEntry(Guid grantId, LedgerEntryKind kind, Money amount, decimal signedAmount, DateOnly valueDate, string? reference, Guid byId, string by, string note, Guid? instalmentId, Guid? correctsEntryId, DateTime recordedAtUtc)
    {
        Id = Guid.NewGuid();
        GrantId = grantId;
        Kind = kind;
        Amount = amount;
        SignedAmount = signedAmount;
        ValueDate = valueDate;
        Reference = reference;
        ById = byId;
        By = by;
        Note = note;
        InstalmentId = instalmentId;
        CorrectsEntryId = correctsEntryId;
        RecordedAtUtc = recordedAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid GrantId { get; private set; }

    public LedgerEntryKind Kind { get; private set; }

    /// <summary>The size of the entry, never negative (for a write-off, the amount written off).</summary>
    public Money Amount { get; private set; }

    /// <summary>
    /// The entry's effect on the funds the grantee has received: positive for a payment, negative for
    /// a refund, either for a correction, zero for a write-off (which moves no money).
    /// </summary>
    public decimal SignedAmount { get; private set; }

    /// <summary>The day the money moved (or the write-off was decided).</summary>
    public DateOnly ValueDate { get; private set; }

    /// <summary>The bank's or the finance system's reference; unique within the grant, ignoring case.</summary>
    public string? Reference { get; private set; }

    public Guid ById { get; private set; }

    public string By { get; private set; }

    public string Note { get; private set; }

    /// <summary>The instalment a payment pays (and a correction of it concerns).</summary>
    public Guid? InstalmentId { get; private set; }

    /// <summary>The entry a correction corrects.</summary>
    public Guid? CorrectsEntryId { get; private set; }

    public DateTime RecordedAtUtc { get; private set; }
}
