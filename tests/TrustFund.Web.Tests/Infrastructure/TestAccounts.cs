using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>Accounts made for one test, emails read from the outbox, and what a page says.</summary>
public static partial class TestAccounts
{
    public const string AdminEmail = "admin@trustfund.test";

    /// <summary>A fresh address nobody else uses.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@ngo.test";

    /// <summary>Creates a user straight in the store: confirmed, active, with the demo password, holding <paramref name="role"/>.</summary>
    public static async Task<TrustFundUser> CreateUserAsync(TrustFundApp app, string role, string? email = null, bool withOrganisation = false)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var db = scope.ServiceProvider.GetRequiredService<TrustFund.Infrastructure.Persistence.TrustFundDbContext>();
        Guid? organisationId = null;
        if (withOrganisation)
        {
            var organisation = Organisation.Register($"Test organisation {Guid.NewGuid():N}", "KEN", app.Clock.GetUtcNow().UtcDateTime);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            organisationId = organisation.Id;
        }

        email ??= NewEmail(role.ToLowerInvariant());
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Test {role}",
            CreatedAtUtc = app.Clock.GetUtcNow().UtcDateTime,
            OrganisationId = organisationId,
        };
        Check(await users.CreateAsync(user, DemoData.Password));
        Check(await users.AddToRoleAsync(user, role));
        if (TrustFund.Application.Accounts.TwoFactorRoles.Required.Contains(role))
        {
            // Like the demo staff: enrolled, so SignInAsync completes the second step with the key.
            Check(await users.ResetAuthenticatorKeyAsync(user));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }

        return user;
    }

    public static Task<TrustFundUser?> FindUserAsync(TrustFundApp app, string email)
    {
        var normalized = email.ToUpperInvariant();
        return app.WithDbAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized));
    }

    public static Task<List<string>> RolesOfAsync(TrustFundApp app, Guid userId) =>
        app.WithDbAsync(db => (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            select r.Name!).OrderBy(n => n).ToListAsync());

    public static Task<List<OutboxMessage>> EmailsToAsync(TrustFundApp app, string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAtUtc).ToListAsync());

    /// <summary>The site-relative link to <paramref name="path"/> in the latest email to <paramref name="to"/>.</summary>
    public static async Task<string> LinkInLatestEmailAsync(TrustFundApp app, string to, string path)
    {
        var emails = await EmailsToAsync(app, to);
        var withLink = emails.LastOrDefault(m => m.TextBody.Contains(path, StringComparison.Ordinal))
            ?? throw new AssertionException($"No email to {to} holds a link to {path}; subjects: {string.Join(" | ", emails.Select(e => e.Subject))}");
        return LinkIn(withLink.TextBody, path);
    }

    public static string LinkIn(string text, string path)
    {
        var match = Regex.Match(text, $@"https?://[^/\s]+(?<link>{Regex.Escape(path)}\S*)");
        return match.Success ? match.Groups["link"].Value : throw new AssertionException($"No link to {path} in: {text}");
    }

    /// <summary>Signs in and expects to be refused; returns the page that says why.</summary>
    public static async Task<IHtmlDocument> RefusedSignInAsync(TrustFundApp app, string email, string password)
    {
        using var session = app.NewSession();
        var response = await session.PostFormAsync("/Account/Login", "/Account/Login", new() { ["Email"] = email, ["Password"] = password });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"Sign-in of {email} was not refused");
        return await TestSession.ParseAsync(response);
    }

    public static string ErrorSummary(IHtmlDocument page) =>
        page.QuerySelector("[data-error-summary]")?.TextContent.Trim() ?? string.Empty;

    public static string FieldError(IHtmlDocument page, string fieldId) =>
        page.GetElementById($"{fieldId}-error")?.TextContent.Trim() ?? string.Empty;

    public static string Heading(IHtmlDocument page) => page.QuerySelector("h1")?.TextContent.Trim() ?? string.Empty;

    /// <summary>The visible text of the page's main region, whitespace collapsed.</summary>
    public static string MainText(IHtmlDocument page) =>
        WhiteSpace().Replace(page.QuerySelector("main")?.TextContent ?? string.Empty, " ").Trim();

    public static string Notice(IHtmlDocument page) =>
        page.QuerySelector("main [role=status].alert")?.TextContent.Trim() ?? string.Empty;

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
