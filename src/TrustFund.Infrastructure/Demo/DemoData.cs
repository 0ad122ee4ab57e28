using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Calls;
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

    /// <summary>
    /// The authenticator key (base32) of the demo fund manager, finance officer and administrator, whose
    /// roles require two-factor sign-in (documented in the README: add it to any authenticator app).
    /// </summary>
    public const string StaffAuthenticatorKey = "TRUSTFUNDDEMOSTAFFAUTHENTICATOR2";

    /// <summary>Demo roles that sign in with the fixed <see cref="StaffAuthenticatorKey"/>.</summary>
    public static IReadOnlyList<string> TwoFactorRoles { get; } = Application.Accounts.TwoFactorRoles.Required;

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
        await SeedCallsAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == Users[0].Email, cancellationToken))
        {
            await SeedAuthenticatorKeysAsync(scope.ServiceProvider, users);
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

        await SeedAuthenticatorKeysAsync(scope.ServiceProvider, users);
    }

    /// <summary>Gives the demo staff whose roles need two-factor sign-in the documented key, unless they already have one.</summary>
    private static async Task SeedAuthenticatorKeysAsync(IServiceProvider services, UserManager<TrustFundUser> users)
    {
        var keys = (IUserAuthenticatorKeyStore<TrustFundUser>)services.GetRequiredService<IUserStore<TrustFundUser>>();
        foreach (var (email, _, role, _) in Users.Where(u => TwoFactorRoles.Contains(u.Role)))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null || !string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user)))
            {
                continue;
            }

            await keys.SetAuthenticatorKeyAsync(user, StaffAuthenticatorKey, CancellationToken.None);
            Check(await users.SetTwoFactorEnabledAsync(user, true), email);
        }
    }

    /// <summary>
    /// A short-term call open for applications (closing about two months from now, Vienna time) and a
    /// medium-term call that has closed. Each is added only when its code is not in the database yet.
    /// </summary>
    private static async Task SeedCallsAsync(TrustFundDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        const string vienna = "Europe/Vienna";
        var zone = TimeZoneInfo.FindSystemTimeZoneById(vienna);
        DateTime ViennaToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        var today = TimeZoneInfo.ConvertTimeFromUtc(now, zone).Date;

        if (!await db.Calls.AnyAsync(c => c.Code == "ST", cancellationToken))
        {
            var closes = ViennaToUtc(today.AddMonths(2).AddHours(23).AddMinutes(59));
            var call = Call.Draft(
                new CallTerms
                {
                    Code = "ST",
                    Title = "Short-term grants for direct assistance to victims of trafficking",
                    WindowType = WindowType.ShortTerm,
                    Description = "Grants of up to USD 20,000 for up to nine months to non-governmental organisations giving humanitarian, legal and financial aid to victims of trafficking in persons.\n\nProposals may be written in English, French or Spanish.",
                    OpensAtUtc = ViennaToUtc(today.AddDays(-14).AddHours(9)),
                    ClosesAtUtc = closes,
                    TimeZoneId = vienna,
                    ClarificationDeadlineUtc = ViennaToUtc(today.AddMonths(1).AddHours(23).AddMinutes(59)),
                    AnswersPublishedOn = DateOnly.FromDateTime(today.AddMonths(1).AddDays(7)),
                    MinimumAmount = 5_000m,
                    MaximumAmount = 20_000m,
                    MaximumDurationMonths = 9,
                    Envelope = 400_000m,
                    PriorityForms = [ExploitationForm.SexualExploitation, ExploitationForm.ForcedLabour, ExploitationForm.ForcedCriminality],
                    RegistrationCutoff = DateOnly.FromDateTime(today.AddYears(-1)),
                    MinimumYearsOfExperience = 1,
                    AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish],
                    RequiredDocuments = [DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements],
                    ReviewersPerApplication = 2,
                    TrancheTemplate = DefaultRubric.TranchesFor(WindowType.ShortTerm),
                },
                now.AddDays(-20));
            call.Publish(now.AddDays(-14));
            db.Calls.Add(call);
        }

        if (!await db.Calls.AnyAsync(c => c.Code == "MT", cancellationToken))
        {
            var call = Call.Draft(
                new CallTerms
                {
                    Code = "MT",
                    Title = "Medium-term projects in Africa, Asia and Latin America and the Caribbean",
                    WindowType = WindowType.MediumTerm,
                    Description = "Projects of up to 24 months offering comprehensive assistance and reintegration to victims of trafficking.",
                    OpensAtUtc = ViennaToUtc(today.AddMonths(-5).AddHours(9)),
                    ClosesAtUtc = ViennaToUtc(today.AddMonths(-3).AddHours(23).AddMinutes(59)),
                    TimeZoneId = vienna,
                    MinimumAmount = 20_000m,
                    MaximumAmount = 100_000m,
                    MaximumDurationMonths = 24,
                    Envelope = 1_000_000m,
                    EligibleAreas = ["002", "142", "419"],
                    MinimumYearsOfExperience = 2,
                    AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French],
                    RequiredDocuments = [DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements, DocumentType.ReferenceLetter],
                    ReviewersPerApplication = 3,
                    TrancheTemplate = DefaultRubric.TranchesFor(WindowType.MediumTerm),
                },
                now.AddMonths(-6));
            call.Publish(now.AddMonths(-5));
            call.Close(now.AddMonths(-3));
            db.Calls.Add(call);
        }

        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
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
