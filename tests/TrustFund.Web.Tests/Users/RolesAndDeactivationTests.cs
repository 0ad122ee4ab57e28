using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Users;

public sealed class RolesAndDeactivationTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SetRoles_EndsTheOpenSessionAtOnce_AndIsAuditedOldToNew()
    {
        var reviewer = await CreateUserAsync(_app, Roles.Reviewer);
        using var reviewerSession = await _app.SignInAsync(reviewer.Email!);
        Assert.That((await reviewerSession.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await SetRolesAsync(admin, reviewer.Id, Roles.Reviewer, Roles.Administrator);

        Assert.That(TestSession.IsRedirectTo(response, $"/Admin/Users/{reviewer.Id:D}"), Is.True);
        Assert.That(await RolesOfAsync(_app, reviewer.Id), Is.EqualTo(new[] { Roles.Administrator, Roles.Reviewer }));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.RolesChanged && e.EntityId == reviewer.Id.ToString()));
        Assert.That(audit.Summary, Is.EqualTo($"Roles of {reviewer.Email} changed: Reviewer -> Reviewer, Administrator"));
        var (_, detail) = await admin.GetPageAsync($"/Admin/Users/{reviewer.Id:D}");
        Assert.That(Notice(detail), Does.Contain("Their open sessions have ended"));
        Assert.That(MainText(detail), Does.Contain("Reviewer -> Reviewer, Administrator"), "The change is in the user's history");

        var stale = await reviewerSession.GetAsync("/Admin/Users");
        Assert.That(TestSession.IsRedirectTo(stale, "/Account/Login"), Is.True, "The session with the old roles has ended");
        using var again = await _app.SignInAsync(reviewer.Email!);
        Assert.That(TestSession.IsRedirectTo(await again.GetAsync("/Admin/Users"), "/Account/TwoFactor/Enable"), Is.True, "An administrator must set up two-factor sign-in first");
        await TwoFactorSteps.EnrolAsync(_app, again);
        Assert.That((await again.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task SetRoles_RemovingARole_TakesAccessAwayWithinAMinute()
    {
        var secondAdmin = await CreateUserAsync(_app, Roles.Administrator);
        using var session = await _app.SignInAsync(secondAdmin.Email!);
        Assert.That((await session.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var admin = await _app.SignInAsync(AdminEmail);

        await SetRolesAsync(admin, secondAdmin.Id, Roles.FundManager);
        _app.Clock.Advance(TimeSpan.FromSeconds(61));

        Assert.That(TestSession.IsRedirectTo(await session.GetAsync("/Admin/Users"), "/Account/Login"), Is.True);
        using var again = await _app.SignInAsync(secondAdmin.Email!);
        Assert.That((await again.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task SetRoles_AdministratorRemovingTheirOwnAdministratorRole_IsRefusedWithAClearMessage()
    {
        var admin = await CreateUserAsync(_app, Roles.Administrator);
        using var session = await _app.SignInAsync(admin.Email!);

        var page = await TestSession.ParseAsync(await SetRolesAsync(session, admin.Id, Roles.FundManager));

        Assert.That(ErrorSummary(page), Does.Contain("You cannot remove your own Administrator role."));
        Assert.That(FieldError(page, "Roles"), Does.Contain("You cannot remove your own Administrator role."));
        Assert.That(await RolesOfAsync(_app, admin.Id), Is.EqualTo(new[] { Roles.Administrator }));
        Assert.That((await FindUserAsync(_app, admin.Email!))!.SecurityStamp, Is.EqualTo(admin.SecurityStamp));
    }

    [Test]
    public async Task SetRoles_AdministratorAddingARoleToThemself_IsAllowed()
    {
        var admin = await CreateUserAsync(_app, Roles.Administrator);
        using var session = await _app.SignInAsync(admin.Email!);

        await SetRolesAsync(session, admin.Id, Roles.FundManager, Roles.Administrator);

        Assert.That(await RolesOfAsync(_app, admin.Id), Is.EqualTo(new[] { Roles.Administrator, Roles.FundManager }));
    }

    [Test]
    public async Task SetRoles_StaffRoleForAnApplicantOrganisationsUser_IsRefused()
    {
        var applicant = await CreateUserAsync(_app, Roles.Applicant, withOrganisation: true);
        using var admin = await _app.SignInAsync(AdminEmail);

        var page = await TestSession.ParseAsync(await SetRolesAsync(admin, applicant.Id, Roles.Applicant, Roles.Reviewer));

        Assert.That(FieldError(page, "Roles"), Does.Contain("Staff of an applicant organisation can hold only the Applicant role."));
        Assert.That(await RolesOfAsync(_app, applicant.Id), Is.EqualTo(new[] { Roles.Applicant }));
    }

    [Test]
    public async Task Deactivate_EndsTheOpenSessionAfterAMinute_AndSignInSaysWhyOnlyAfterTheRightPassword()
    {
        var user = await CreateUserAsync(_app, Roles.FundManager);
        using var userSession = await _app.SignInAsync(user.Email!);
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Deactivate", new() { ["Reason"] = "Left the Secretariat on 28 February" });

        Assert.That(TestSession.IsRedirectTo(response, $"/Admin/Users/{user.Id:D}"), Is.True);
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.IsActive, Is.False);
        Assert.That(after.SecurityStamp, Is.Not.EqualTo(user.SecurityStamp));
        Assert.That(after.PasswordHash, Is.EqualTo(user.PasswordHash));
        Assert.That(await RolesOfAsync(_app, user.Id), Is.EqualTo(new[] { Roles.FundManager }), "Deactivation keeps the roles for a later reactivation");
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserDeactivated && e.EntityId == user.Id.ToString()));
        Assert.That(audit.Summary, Does.EndWith("Reason: Left the Secretariat on 28 February"));

        _app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.That(TestSession.IsRedirectTo(await userSession.GetAsync("/"), "/Account/Login"), Is.True, "The open session has ended");

        var wrongPassword = await RefusedSignInAsync(_app, user.Email!, "not the password");
        Assert.That(ErrorSummary(wrongPassword), Does.Contain("The email address or password is incorrect.").And.Not.Contain("deactivated"));
        var rightPassword = await RefusedSignInAsync(_app, user.Email!, DemoData.Password);
        Assert.That(ErrorSummary(rightPassword), Does.Contain("This account has been deactivated."));
    }

    [Test]
    public async Task Reactivate_LetsTheUserSignInAgain()
    {
        var user = await CreateUserAsync(_app, Roles.FinanceOfficer);
        using var admin = await _app.SignInAsync(AdminEmail);
        await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Deactivate", new() { ["Reason"] = "On extended leave" });
        var (_, deactivated) = await admin.GetPageAsync($"/Admin/Users/{user.Id:D}");
        Assert.That(MainText(deactivated), Does.Contain("Deactivated: cannot sign in").And.Contain("Reason: On extended leave"));

        var response = await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Reactivate", []);

        Assert.That(TestSession.IsRedirectTo(response, $"/Admin/Users/{user.Id:D}"), Is.True);
        Assert.That((await FindUserAsync(_app, user.Email!))!.IsActive, Is.True);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.UserReactivated && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        using var signedIn = await _app.SignInAsync(user.Email!);
    }

    [Test]
    public async Task Deactivate_WithoutAReason_ShowsFieldErrorAndChangesNothing()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Deactivate", new() { ["Reason"] = "   " });

        var page = await TestSession.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(FieldError(page, "Reason"), Does.Contain("Give the reason for deactivating this account."));
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#Reason']"), Is.Not.Null);
        var after = await FindUserAsync(_app, user.Email!);
        Assert.That(after!.IsActive, Is.True);
        Assert.That(after.SecurityStamp, Is.EqualTo(user.SecurityStamp));
    }

    [Test]
    public async Task Deactivate_ReasonOver500Characters_ShowsFieldErrorAndKeepsTheText()
    {
        var user = await CreateUserAsync(_app, Roles.Reviewer);
        using var admin = await _app.SignInAsync(AdminEmail);
        var reason = new string('r', 501);

        var page = await TestSession.ParseAsync(await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Deactivate", new() { ["Reason"] = reason }));

        Assert.That(FieldError(page, "Reason"), Does.Contain("500 characters or fewer"));
        Assert.That(page.QuerySelector("textarea#Reason")?.TextContent, Is.EqualTo(reason));
        Assert.That((await FindUserAsync(_app, user.Email!))!.IsActive, Is.True);
    }

    [Test]
    public async Task Deactivate_ThemselfAsAdministrator_IsRefusedWithAClearMessage()
    {
        var admin = await CreateUserAsync(_app, Roles.Administrator);
        using var session = await _app.SignInAsync(admin.Email!);
        var (_, ownPage) = await session.GetPageAsync($"/Admin/Users/{admin.Id:D}");
        Assert.That(ownPage.QuerySelector($"form[action='/Admin/Users/{admin.Id:D}/Deactivate']"), Is.Null, "No deactivation form on one's own page");

        var response = await session.PostFormAsync($"/Admin/Users/{admin.Id:D}", $"/Admin/Users/{admin.Id:D}/Deactivate", new() { ["Reason"] = "Trying anyway" });

        var page = await TestSession.ParseAsync(response);
        Assert.That(ErrorSummary(page), Does.Contain("You cannot deactivate your own account."));
        var after = await FindUserAsync(_app, admin.Email!);
        Assert.That(after!.IsActive, Is.True);
        Assert.That(after.SecurityStamp, Is.EqualTo(admin.SecurityStamp));
        Assert.That((await session.GetAsync("/Admin/Users")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    private static async Task<HttpResponseMessage> SetRolesAsync(TestSession admin, Guid userId, params string[] roles)
    {
        var token = await admin.AntiforgeryTokenAsync($"/Admin/Users/{userId:D}");
        var fields = roles.Select(r => new KeyValuePair<string, string>("Roles", r)).ToList();
        fields.Add(new("__RequestVerificationToken", token));
        return await admin.Client.PostAsync(new Uri($"/Admin/Users/{userId:D}/Roles", UriKind.Relative), new FormUrlEncodedContent(fields));
    }
}
