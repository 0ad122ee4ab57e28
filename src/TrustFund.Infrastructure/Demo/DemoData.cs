using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Demo;

/// <summary>
/// Demo accounts for Development: one user per role and two organisations. Never called outside
/// Development; running it twice adds nothing.
/// </summary>
public static partial class DemoData
{
    /// <summary>The one password of every demo account (documented in the README).</summary>
    public const string Password = "TrustFund-demo-2026";

    public static IReadOnlyList<(string Email, string Name, string Role, int Organisation)> Users { get; } =
    [
        ("applicant@trustfund.test", "Amina Haddad", Roles.Applicant, 1),
        ("applicant2@trustfund.test", "Lucía Romero", Roles.Applicant, 2),
        ("reviewer@trustfund.test", "Jean-Pierre Martin", Roles.Reviewer, 0),
        ("reviewer2@trustfund.test", "Mei Lin", Roles.Reviewer, 0),
        ("manager@trustfund.test", "Sofia Rossi", Roles.FundManager, 0),
        ("finance@trustfund.test", "Kwame Mensah", Roles.FinanceOfficer, 0),
        ("admin@trustfund.test", "Olga Petrova", Roles.Administrator, 0),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        if (await db.Users.AnyAsync(u => u.Email == Users[0].Email, cancellationToken))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var verified = Organisation.Register("Safe Harbour Foundation for Survivors", "NGA", now);
        verified.Verify(now);
        var pending = Organisation.Register("Fundación Camino de Esperanza y Reintegración", "COL", now);
        db.Organisations.AddRange(verified, pending);
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (email, name, role, organisation) in Users)
        {
            var user = new TrustFundUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = name,
                CreatedAtUtc = now,
                OrganisationId = organisation switch
                {
                    1 => verified.Id,
                    2 => pending.Id,
                    _ => null,
                },
            };
            Check(await users.CreateAsync(user, Password), email);
            Check(await users.AddToRoleAsync(user, role), email);
        }
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
