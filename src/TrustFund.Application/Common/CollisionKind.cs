namespace TrustFund.Application.Common;

/// <summary>The kinds of write collisions the database reports.</summary>
public enum CollisionKind
{
    /// <summary>A unique index refused a second row with the same key.</summary>
    DuplicateKey,

    /// <summary>A serializable transaction could not be ordered with a concurrent one (or the database was busy).</summary>
    SerializationFailure,
}
