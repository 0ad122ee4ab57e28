using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Users;

public sealed class InvitationTests
{
    private const string Password = "my own secretariat passphrase";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Invite_ValidForm_CreatesAnUnconfirmedUserWithoutPasswordAndEmailsALink()
    {
        var email = NewEmail("staff");
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await InviteAsync(admin, email, "Nadia Rahman", Roles.Reviewer, Roles.FundManager);

        var user = await FindUserAsync(_app, email);
        Assert.That(user, Is.Not.Null);
        Assert.That(TestSession.IsRedirectTo(response, $"/Admin/Users/{user!.Id:D}"), Is.True);
        Assert.That(user.EmailConfirmed, Is.False);
        Assert.That(user.PasswordHash, Is.Null);
        Assert.That(user.OrganisationId, Is.Null);
        Assert.That(user.DisplayName, Is.EqualTo("Nadia Rahman"));
        Assert.That(await RolesOfAsync(_app, user.Id), Is.EqualTo(new[] { Roles.FundManager, Roles.Reviewer }));
        var invitation = (await EmailsToAsync(_app, email)).Single();
        Assert.That(invitation.Subject, Is.EqualTo("You are invited to TrustFund"));
        Assert.That(invitation.TextBody, Does.Contain("Olga Petrova has invited you").And.Contain("as: Reviewer and Fund manager."));
        Assert.That(LinkIn(invitation.TextBody, "/Account/AcceptInvitation"), Does.StartWith($"/Account/AcceptInvitation?userId={user.Id:D}&code="));
        var audit = await _app.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditActions.UserInvited && e.EntityId == user.Id.ToString()));
        Assert.That(audit.Summary, Is.EqualTo($"{email} invited as Reviewer, FundManager"));
        Assert.That(audit.ActorName, Is.EqualTo(AdminEmail));
        var (_, detail) = await admin.GetPageAsync($"/Admin/Users/{user.Id:D}");
        Assert.That(Notice(detail), Does.Contain($"Invitation sent to {email}."));
        Assert.That(MainText(detail), Does.Contain("Invitation sent, not accepted yet"));
        var refused = await RefusedSignInAsync(_app, email, Password);
        Assert.That(ErrorSummary(refused), Does.Contain("The email address or password is incorrect."));
    }

    [Test]
    public async Task AcceptInvitation_SetsThePasswordConfirmsTheAddressAndAllowsSignIn_TheLinkWorksOnce()
    {
        var email = NewEmail("staff");
        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            await InviteAsync(admin, email, "Tomás Herrera", Roles.FinanceOfficer);
        }

        var link = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        using var session = _app.NewSession();
        var (_, form) = await session.GetPageAsync(link);
        Assert.That(Heading(form), Is.EqualTo("Accept your invitation"));
        Assert.That(MainText(form), Does.Contain("Welcome, Tomás Herrera.").And.Contain(email));

        var response = await session.PostFormAsync(link, "/Account/AcceptInvitation", Form(link, Password));

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
        var user = await FindUserAsync(_app, email);
        Assert.That(user!.EmailConfirmed, Is.True);
        Assert.That(user.PasswordHash, Is.Not.Null);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.InvitationAccepted && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        using var signedIn = await _app.SignInAsync(email, Password);
        Assert.That(TestSession.IsRedirectTo(await signedIn.GetAsync("/"), "/Account/TwoFactor/Enable"), Is.True, "A finance officer sets up two-factor sign-in at the first sign-in");
        await TwoFactorSteps.EnrolAsync(_app, signedIn);
        var (_, home) = await signedIn.GetPageAsync("/");
        Assert.That(Heading(home), Is.EqualTo("Payments"));

        var (_, again) = await session.GetPageAsync(link);
        Assert.That(Heading(again), Is.EqualTo("This link has expired or is not valid"));
        var reuse = await session.PostFormAsync("/Account/Login", "/Account/AcceptInvitation", Form(link, "someone else's passphrase"));
        Assert.That(Heading(await TestSession.ParseAsync(reuse)), Is.EqualTo("This link has expired or is not valid"));
        Assert.That((await FindUserAsync(_app, email))!.PasswordHash, Is.EqualTo(user.PasswordHash));
    }

    [Test]
    public async Task AcceptInvitation_After25Hours_IsRefused_AndANewInvitationWorks()
    {
        var email = NewEmail("staff");
        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            await InviteAsync(admin, email, "Chen Jing", Roles.Reviewer);
        }

        var expired = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        _app.Clock.Advance(TimeSpan.FromHours(25));
        using var session = _app.NewSession();

        var (_, getPage) = await session.GetPageAsync(expired);
        var post = await session.PostFormAsync("/Account/Login", "/Account/AcceptInvitation", Form(expired, Password));

        Assert.That(Heading(getPage), Is.EqualTo("This link has expired or is not valid"));
        Assert.That(MainText(getPage), Does.Contain("ask the administrator who invited you to send a new invitation"));
        Assert.That(Heading(await TestSession.ParseAsync(post)), Is.EqualTo("This link has expired or is not valid"));
        var user = await FindUserAsync(_app, email);
        Assert.That(user!.PasswordHash, Is.Null);
        Assert.That(user.EmailConfirmed, Is.False);

        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            var resend = await admin.PostFormAsync($"/Admin/Users/{user.Id:D}", $"/Admin/Users/{user.Id:D}/Invitation", []);
            Assert.That(TestSession.IsRedirectTo(resend, $"/Admin/Users/{user.Id:D}"), Is.True);
        }

        var fresh = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        var accepted = await session.PostFormAsync(fresh, "/Account/AcceptInvitation", Form(fresh, Password));
        Assert.That(TestSession.IsRedirectTo(accepted, "/Account/Login"), Is.True);
        using var signedIn = await _app.SignInAsync(email, Password);
    }

    [TestCase("tampered")]
    [TestCase("reset-for-someone-else")]
    public async Task AcceptInvitation_ForgedLink_IsRefusedAndSetsNoPassword(string forgery)
    {
        var email = NewEmail("staff");
        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            await InviteAsync(admin, email, "Forgery Target", Roles.Reviewer);
        }

        var user = (await FindUserAsync(_app, email))!;
        var link = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        string forged;
        if (forgery == "tampered")
        {
            var code = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString();
            forged = $"/Account/AcceptInvitation?userId={user.Id:D}&code={code[..^4]}AAAA";
        }
        else
        {
            var other = await CreateUserAsync(_app, Roles.Reviewer);
            using var anonymous = _app.NewSession();
            await anonymous.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = other.Email! });
            var otherLink = await LinkInLatestEmailAsync(_app, other.Email!, "/Account/ResetPassword");
            var otherCode = QueryHelpers.ParseQuery(new Uri("http://x" + otherLink).Query)["code"].ToString();
            forged = $"/Account/AcceptInvitation?userId={user.Id:D}&code={otherCode}";
        }

        using var session = _app.NewSession();
        var (_, getPage) = await session.GetPageAsync(forged);
        var post = await session.PostFormAsync("/Account/Login", "/Account/AcceptInvitation", Form(forged, Password));

        Assert.That(Heading(getPage), Is.EqualTo("This link has expired or is not valid"));
        Assert.That(Heading(await TestSession.ParseAsync(post)), Is.EqualTo("This link has expired or is not valid"));
        Assert.That((await FindUserAsync(_app, email))!.PasswordHash, Is.Null);
    }

    [Test]
    public async Task Invite_AddressAlreadyUsed_ShowsFieldErrorAndChangesNothing()
    {
        using var admin = await _app.SignInAsync(AdminEmail);
        var before = await FindUserAsync(_app, "reviewer@trustfund.test");

        var page = await TestSession.ParseAsync(await InviteAsync(admin, "Reviewer@TrustFund.test", "Duplicate", Roles.Administrator));

        Assert.That(FieldError(page, "Email"), Does.Contain("There is already an account with this email address"));
        var after = await FindUserAsync(_app, "reviewer@trustfund.test");
        Assert.That(after!.DisplayName, Is.EqualTo(before!.DisplayName));
        Assert.That(after.SecurityStamp, Is.EqualTo(before.SecurityStamp));
        Assert.That(await RolesOfAsync(_app, after.Id), Is.EqualTo(new[] { Roles.Reviewer }));
    }

    [TestCase(new string[0], "Select at least one role.")]
    [TestCase(new[] { Roles.Applicant }, "Select roles from the list.")]
    [TestCase(new[] { "Superuser" }, "Select roles from the list.")]
    public async Task Invite_MissingOrWrongRoles_ShowsFieldErrorAndCreatesNothing(string[] roles, string message)
    {
        var email = NewEmail("staff");
        using var admin = await _app.SignInAsync(AdminEmail);

        var page = await TestSession.ParseAsync(await InviteAsync(admin, email, "Role Test", roles));

        Assert.That(FieldError(page, "Roles"), Does.Contain(message));
        Assert.That(page.QuerySelector("[data-error-summary] a[href='#Roles']"), Is.Not.Null);
        Assert.That(await FindUserAsync(_app, email), Is.Null);
        Assert.That(await EmailsToAsync(_app, email), Is.Empty);
    }

    [Test]
    public async Task Invite_EmptyForm_ShowsAnErrorForEachField()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var page = await TestSession.ParseAsync(await admin.PostFormAsync("/Admin/Users/Invite", "/Admin/Users/Invite", new() { ["Name"] = string.Empty, ["Email"] = string.Empty }));

        var links = page.QuerySelectorAll("[data-error-summary] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.That(links, Is.EqualTo(new[] { "#Name", "#Email", "#Roles" }));
    }

    [TestCaseSource(typeof(MultilingualNames), nameof(MultilingualNames.All))]
    public async Task Invite_NameInAnyScriptOrHostile_IsKeptExactlyAndShownEscaped(string name)
    {
        var email = NewEmail("staff");
        using var admin = await _app.SignInAsync(AdminEmail);

        await InviteAsync(admin, email, name, Roles.Reviewer);

        var user = await FindUserAsync(_app, email);
        Assert.That(user!.DisplayName, Is.EqualTo(name));
        var invitation = (await EmailsToAsync(_app, email)).Single();
        Assert.That(invitation.HtmlBody, Does.Not.Contain(MultilingualNames.ScriptTag).And.Not.Contain("<Trust>"));
        var response = await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString(email)}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.That(html, Does.Not.Contain(MultilingualNames.ScriptTag).And.Not.Contain("<Trust>"));
        Assert.That(TestSession.Parse(html).QuerySelector("tbody td a")?.TextContent, Is.EqualTo(name));
    }

    [Test]
    public async Task InviteForm_OffersTheFundsLanguagesEachInItsOwnName_ThePagesLanguageChosen()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var (_, page) = await admin.GetPageAsync("/Admin/Users/Invite");

        var options = page.QuerySelectorAll("select[name='Culture'] option").ToList();
        Assert.That(options.Select(o => o.GetAttribute("value")), Is.EqualTo(new[] { "en", "fr", "es", "ar" }));
        Assert.That(options.Select(o => o.TextContent), Is.EqualTo(new[] { "English", "Français", "Español", "العربية" }));
        Assert.That(options.Single(o => o.HasAttribute("selected")).GetAttribute("value"), Is.EqualTo("en"));
        Assert.That(page.QuerySelector("label[for='Culture']")!.TextContent, Is.EqualTo("Language of the invitation"));
    }

    [Test]
    public async Task Invite_InFrench_SendsTheInvitationInFrench_OpensTheAcceptancePageInFrench_AndTheAccountKeepsFrench()
    {
        var email = NewEmail("staff");
        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            await InviteInAsync(admin, "fr", email, "Claire Martin", Roles.Reviewer);
        }

        var invitation = (await EmailsToAsync(_app, email)).Single();
        Assert.That(invitation.Subject, Is.EqualTo("Vous êtes invité(e) à rejoindre TrustFund"));
        Assert.That(invitation.TextBody, Does.StartWith("Bonjour Claire Martin,\n\n").And.Contain("Pour accepter, choisissez votre mot de passe ici\u00A0:"));
        var link = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        using var session = _app.NewSession();
        var (_, form) = await session.GetPageAsync(link);
        Assert.That(Heading(form), Is.EqualTo("Accepter votre invitation"));
        Assert.That(form.DocumentElement.GetAttribute("lang"), Is.EqualTo("fr"));

        var accepted = await session.PostFormAsync(link, "/Account/AcceptInvitation", Form(link, Password));

        Assert.That(TestSession.IsRedirectTo(accepted, "/Account/Login"), Is.True);
        Assert.That((await FindUserAsync(_app, email))!.PreferredCulture, Is.EqualTo("fr"));
    }

    [Test]
    public async Task AcceptInvitation_AfterTheInviteeChoseAnotherLanguage_IsInThatLanguage_AndTheAccountKeepsIt()
    {
        var email = NewEmail("staff");
        using (var admin = await _app.SignInAsync(AdminEmail))
        {
            await InviteInAsync(admin, "fr", email, "Lucía Gómez", Roles.Reviewer);
        }

        var link = await LinkInLatestEmailAsync(_app, email, "/Account/AcceptInvitation");
        using var session = _app.NewSession();
        await session.PostFormAsync(link, "/Language", new() { ["culture"] = "es", ["returnUrl"] = link });
        var (_, form) = await session.GetPageAsync(link);
        Assert.That(Heading(form), Is.EqualTo("Acepte su invitación"));

        await session.PostFormAsync(link, "/Account/AcceptInvitation", Form(link, Password));

        Assert.That((await FindUserAsync(_app, email))!.PreferredCulture, Is.EqualTo("es"));
    }

    [TestCase("xx")]
    [TestCase("qps-ploc")]
    [TestCase("fr\"><script>alert(1)</script>")]
    public async Task Invite_LanguageNotOfferedOrHostile_IsRefusedWithAMessage_KeepsWhatWasTyped_AndCreatesNothing(string culture)
    {
        var email = NewEmail("staff");
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await InviteInAsync(admin, culture, email, "Nadia Rahman", Roles.Reviewer);

        var page = await TestSession.ParseAsync(response);
        Assert.That(FieldError(page, "Culture"), Does.Contain("Choose the language of the invitation from the list."));
        Assert.That(page.QuerySelector("input[name='Name']")!.GetAttribute("value"), Is.EqualTo("Nadia Rahman"));
        Assert.That(page.QuerySelector("input[name='Email']")!.GetAttribute("value"), Is.EqualTo(email));
        Assert.That(page.QuerySelector("input[name='Roles'][value='Reviewer']")!.HasAttribute("checked"), Is.True);
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("<script>alert(1)"));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
        Assert.That(await EmailsToAsync(_app, email), Is.Empty);
    }

    private static Task<HttpResponseMessage> InviteInAsync(TestSession admin, string culture, string email, string name, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Email", email), new("Name", name), new("Culture", culture) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        return PostAsync(admin, "/Admin/Users/Invite", fields);
    }

    private static Task<HttpResponseMessage> InviteAsync(TestSession admin, string email, string name, params string[] roles)
    {
        var fields = new List<KeyValuePair<string, string>> { new("Email", email), new("Name", name) };
        fields.AddRange(roles.Select(r => new KeyValuePair<string, string>("Roles", r)));
        return PostAsync(admin, "/Admin/Users/Invite", fields);
    }

    private static async Task<HttpResponseMessage> PostAsync(TestSession session, string action, List<KeyValuePair<string, string>> fields)
    {
        var token = await session.AntiforgeryTokenAsync(action);
        fields.Add(new("__RequestVerificationToken", token));
        return await session.Client.PostAsync(new Uri(action, UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private static Dictionary<string, string> Form(string link, string password)
    {
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        return new()
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        };
    }
}
