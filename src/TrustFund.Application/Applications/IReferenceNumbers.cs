using TrustFund.Domain.Calls;

namespace TrustFund.Application.Applications;

/// <summary>
/// Hands out reference numbers (<c>UNVTF-2026-ST-0042</c>) per call, apart from the call itself: taking
/// one changes neither the call's version nor its history, so a fund manager's edit of the call is never
/// refused because applications are arriving.
/// </summary>
public interface IReferenceNumbers
{
    /// <summary>
    /// Takes the call's next number inside the current transaction (rolled back with it), so no number
    /// is ever given twice and none is lost to a refused submission.
    /// </summary>
    Task<string> TakeAsync(Call call, DateTime nowUtc, CancellationToken cancellationToken);
}
