using Microsoft.EntityFrameworkCore;
using TrustFund.Infrastructure.Identity.Sessions;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Sessions;

/// <summary>The session rows the app keeps, read straight from its database.</summary>
internal static class SessionData
{
    public static Task<List<SignInSession>> RowsOfAsync(TrustFundApp app, Guid userId) =>
        app.WithDbAsync(db => db.Set<SignInSession>().AsNoTracking().Where(s => s.UserId == userId).ToListAsync());

    public static Task<List<SignInSession>> AllRowsAsync(TrustFundApp app) =>
        app.WithDbAsync(db => db.Set<SignInSession>().AsNoTracking().ToListAsync());
}
