using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// What a person is told when the instalment moved on before their request reached it (another
/// person acted first, or the same form was sent twice): where it stands now and who put it there.
/// </summary>
internal static class InstalmentWords
{
    /// <summary>Refuses the request, saying where the instalment stands; nothing was saved.</summary>
    public static RefusedException AlreadyMoved(Instalment instalment, LedgerEntry? payment = null) => new(instalment.Status switch
    {
        InstalmentStatus.Planned => Problem.General("The release of instalment {0} has not been requested yet: nothing was saved.", instalment.Number),
        InstalmentStatus.Requested => Problem.General("The release of instalment {0} was already requested by {1} on {2:d MMMM yyyy, HH:mm} UTC: nothing was saved.", instalment.Number, instalment.RequestedBy, Day(instalment.RequestedAtUtc)),
        InstalmentStatus.Approved => Problem.General("The release of instalment {0} was already approved by {1} on {2:d MMMM yyyy, HH:mm} UTC: nothing was saved.", instalment.Number, instalment.ApprovedBy, Day(instalment.ApprovedAtUtc)),
        InstalmentStatus.Paid when payment is not null => Problem.General("Instalment {0} is already paid: {1} on {2}, reference {3}, recorded by {4}. Nothing was recorded, so nothing was paid twice.", instalment.Number, payment.Amount, payment.ValueDate, payment.Reference, payment.By),
        InstalmentStatus.Paid => Problem.General("Instalment {0} is already paid: nothing was recorded.", instalment.Number),
        InstalmentStatus.OnHold => Problem.General("Instalment {0} is on hold ({1}): nothing was saved.", instalment.Number, instalment.HoldReason),
        InstalmentStatus.Cancelled => Problem.General("Instalment {0} is cancelled ({1}): nothing was saved.", instalment.Number, instalment.CancellationReason),
    });

    // The moment in UTC; the page writes it in the reader's culture through the template's format.
    private static DateTime? Day(DateTime? atUtc) => atUtc is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
}
