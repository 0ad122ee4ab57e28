namespace TrustFund.Domain.Grants;

/// <summary>What a ledger entry records.</summary>
public enum LedgerEntryKind
{
    /// <summary>Money paid to the grantee for an instalment.</summary>
    Payment,

    /// <summary>Money the grantee paid back to the fund.</summary>
    Refund,

    /// <summary>A signed adjustment of an earlier payment or refund (which stays as it was).</summary>
    Correction,

    /// <summary>Unspent money the fund decides not to recover; it moves no money.</summary>
    WriteOff,
}
