namespace TrustFund.Application.Common;

/// <summary>
/// A write that lost a race with another one: a unique key already taken (<see cref="Constraint"/> names
/// the index), or a serializable transaction the database refused to order.
/// </summary>
public sealed record Collision(CollisionKind Kind, string? Constraint)
{
    /// <summary>Whether this is the unique index <paramref name="index"/>, named as in the model (e.g. <c>IX_Calls_Code</c>).</summary>
    public bool IsDuplicateOn(string index) =>
        Kind == CollisionKind.DuplicateKey && Constraint is not null && Constraint.Contains(index, StringComparison.OrdinalIgnoreCase);
}
