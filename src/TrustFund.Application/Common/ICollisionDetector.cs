namespace TrustFund.Application.Common;

/// <summary>Recognises write collisions in the exceptions of whichever database engine runs.</summary>
public interface ICollisionDetector
{
    /// <summary>The collision <paramref name="exception"/> reports, or null when it is something else.</summary>
    Collision? Detect(Exception exception);
}
