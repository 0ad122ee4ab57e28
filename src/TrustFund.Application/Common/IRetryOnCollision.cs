namespace TrustFund.Application.Common;

/// <summary>
/// A use case whose request may safely run again from the start after one of the collisions it names
/// (the pipeline forgets the loaded data, logs the retry and runs the handler again, up to
/// <see cref="MaximumAttempts"/> times). Any other failure is never retried.
/// </summary>
public interface IRetryOnCollision
{
    const int MaximumAttempts = 3;

    /// <summary>Whether running again after <paramref name="collision"/> is known to be safe.</summary>
    bool MayRetryAfter(Collision collision);
}
