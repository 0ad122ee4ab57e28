namespace TrustFund.Application.Grants;

/// <summary>
/// Hands out the sequence of grant numbers (<c>UNVTF-G-2026-0007</c>) per call year, apart from any
/// grant or call: taking one changes no aggregate's version.
/// </summary>
public interface IGrantNumbers
{
    /// <summary>
    /// Takes the next sequence number of <paramref name="callYear"/> inside the current transaction
    /// (rolled back with it), for <c>Grant.Award</c>: no number is given twice, none is lost to a refused
    /// approval, and a number a grant already holds is passed over.
    /// </summary>
    Task<int> TakeAsync(int callYear, CancellationToken cancellationToken);
}
