using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>What the user-management use cases share: finding the user, Identity's results, describing roles.</summary>
internal static class UserAccounts
{
    public static async Task<TrustFundUser> FindAsync(UserManager<TrustFundUser> users, Guid id) =>
        await users.FindByIdAsync(id.ToString()) ?? throw new NotFoundException();

    /// <summary>The display name of the person acting, or null.</summary>
    public static Task<string?> NameOfAsync(ITrustFundDb db, Guid? userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => (string?)u.DisplayName).FirstOrDefaultAsync(cancellationToken);

    public static string Describe(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? "(no role)" : string.Join(", ", roles);

    /// <summary>Identity refusing a change the use case has already checked is a fault, not a refusal.</summary>
    public static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused an account change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
