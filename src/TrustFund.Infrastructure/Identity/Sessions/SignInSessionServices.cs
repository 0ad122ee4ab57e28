using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>Keeps Identity's sign-in sessions in the database instead of in the cookie.</summary>
public static class SignInSessionServices
{
    /// <param name="absoluteLimit">Longest a session lasts however active.</param>
    public static IServiceCollection AddSignInSessions(this IServiceCollection services, TimeSpan absoluteLimit)
    {
        services.AddScoped<SignInSessions>();
        services.AddScoped<IUserSessions>(provider => provider.GetRequiredService<SignInSessions>());
        services.AddSingleton(provider => new SignInSessionStore(
            provider.GetRequiredService<IDataProtectionProvider>(),
            provider.GetRequiredService<TimeProvider>(),
            absoluteLimit));
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SignInSessionStore>((options, store) => options.SessionStore = store);
        return services;
    }
}
