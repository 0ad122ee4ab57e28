using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Application.Reviews;

/// <summary>
/// Whose reviewer profile a request may reach: a reviewer their own; a fund manager any reviewer's.
/// The account must hold the Reviewer role; anything else answers as if it did not exist.
/// </summary>
internal static class ReviewerProfiles
{
    /// <summary>The reviewer the request is about (the actor when <paramref name="reviewerId"/> is null), with their name.</summary>
    public static async Task<(Guid Id, string Name)> ReviewerAsync(ITrustFundDb db, ICurrentActor actor, Guid? reviewerId, CancellationToken cancellationToken)
    {
        var self = actor.UserId ?? throw new NotFoundException();
        var target = reviewerId ?? self;
        if (target != self && !actor.User.IsInRole(Roles.FundManager))
        {
            throw new NotFoundException();
        }

        var reviewer = await db.Users.AsNoTracking()
            .Where(u => u.Id == target && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.Reviewer)))
            .Select(u => new { u.Id, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException();
        return (reviewer.Id, string.IsNullOrWhiteSpace(reviewer.DisplayName) ? reviewer.Email ?? string.Empty : reviewer.DisplayName);
    }
}
