using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;

namespace TrustFund.Application.Applications;

/// <summary>The signed-in applicant as the applications' use cases need them: their organisation and the name recorded on their acts.</summary>
internal static class Applicants
{
    /// <summary>The organisation the signed-in user belongs to now (read from their account), or null.</summary>
    public static async Task<Guid?> OrganisationOfAsync(ITrustFundDb db, ICurrentActor actor, CancellationToken cancellationToken) =>
        actor.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.OrganisationId).SingleOrDefaultAsync(cancellationToken)
            : null;

    /// <summary>The name recorded as who edited, uploaded or started: the display name, else the email address.</summary>
    public static async Task<string> NameOfAsync(ITrustFundDb db, ICurrentActor actor, CancellationToken cancellationToken)
    {
        var row = actor.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleOrDefaultAsync(cancellationToken)
            : null;
        return !string.IsNullOrWhiteSpace(row?.DisplayName) ? row.DisplayName : row?.Email ?? actor.Name ?? string.Empty;
    }

    /// <summary>The signed-in user's email address (for audit entries), else their user name.</summary>
    public static async Task<string> EmailOfAsync(ITrustFundDb db, ICurrentActor actor, CancellationToken cancellationToken) =>
        (actor.UserId is { } userId
            ? await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
            : null) ?? actor.Name ?? string.Empty;
}
