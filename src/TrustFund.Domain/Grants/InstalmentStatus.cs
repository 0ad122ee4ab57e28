namespace TrustFund.Domain.Grants;

/// <summary>Where an instalment stands: Planned -> Requested -> Approved -> Paid; OnHold and back; Cancelled.</summary>
public enum InstalmentStatus
{
    /// <summary>In the schedule; its release has not been requested.</summary>
    Planned,

    /// <summary>A fund manager requested its release; waiting for a finance officer's approval.</summary>
    Requested,

    /// <summary>A finance officer approved the release; waiting for the payment to be recorded.</summary>
    Approved,

    /// <summary>The payment is recorded in the ledger.</summary>
    Paid,

    /// <summary>Held, with a reason; returns to the status it was held from.</summary>
    OnHold,

    /// <summary>Will not be paid.</summary>
    Cancelled,
}
