using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>An instalment's number and where it now stands; <see cref="AlreadyDone"/> when a second press found it done.</summary>
public sealed record InstalmentChanged(int Number, InstalmentStatus Status, bool AlreadyDone);
