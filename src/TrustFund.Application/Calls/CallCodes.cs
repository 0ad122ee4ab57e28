using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>A call's code is unique: checked before saving, and again by the unique index when two managers race.</summary>
internal static class CallCodes
{
    public const string UniqueIndex = "IX_Calls_Code";

    public static Problem Taken(string code) =>
        Problem.For(nameof(CallTerms.Code), "Another call already uses the code {0}. Choose a different code.", code.Trim().ToUpperInvariant());

    /// <summary>Refuses when another call than <paramref name="exceptId"/> has the code.</summary>
    public static async Task EnsureFreeAsync(ITrustFundDb db, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        var normalised = code.Trim().ToUpperInvariant();
        if (await db.Calls.AnyAsync(c => c.Code == normalised && c.Id != exceptId, cancellationToken))
        {
            throw new RefusedException(Taken(code));
        }
    }

    /// <summary>Saves; a collision on the code's unique index (a manager who chose it a moment before) is refused like a taken code.</summary>
    public static async Task SaveAsync(ITrustFundDb db, ICollisionDetector collisions, string code, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (collisions.Detect(ex)?.IsDuplicateOn(UniqueIndex) == true)
        {
            throw new RefusedException(Taken(code));
        }
    }
}
