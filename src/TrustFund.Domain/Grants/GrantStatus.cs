namespace TrustFund.Domain.Grants;

/// <summary>Where a grant stands: AgreementPending -> Active -> (Suspended &lt;-> Active) -> Closing -> Closed.</summary>
public enum GrantStatus
{
    /// <summary>Created from an approval; waiting for both parties to sign the agreement.</summary>
    AgreementPending,

    /// <summary>Signed by both parties; instalments can be released and paid.</summary>
    Active,

    /// <summary>Stopped by the fund manager, with a reason; nothing is released or paid until resumed.</summary>
    Suspended,

    /// <summary>The project has ended; final reports, last payments and unspent funds are being settled.</summary>
    Closing,

    /// <summary>Settled and closed; nothing changes any more.</summary>
    Closed,
}
