namespace TrustFund.Application.Common;

/// <summary>
/// Recognises the failures of a database that could not be reached or dropped the connection (a
/// restart, a fail-over, a network cut), as opposed to errors in what was asked of it.
/// </summary>
public interface IDatabaseOutages
{
    /// <summary>
    /// Whether <paramref name="exception"/> (or one it wraps) is an outage. When it is, connections
    /// the outage broke are also dropped from the pool, so the next attempt opens a fresh one.
    /// </summary>
    bool Recognise(Exception exception);
}
