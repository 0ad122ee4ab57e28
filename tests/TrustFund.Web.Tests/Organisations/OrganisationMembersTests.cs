using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Organisations;

public sealed partial class OrganisationMembersTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Invite_Colleague_CreatesApplicantOfSameOrganisationAndEmailsPasswordLink()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Chidi Okafor", ["Email"] = "chidi@safeharbour.test" });

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Members"), Is.True, await response.Content.ReadAsStringAsync());
        var organisationId = await FundData.DemoOrganisationIdAsync(_app, "applicant@trustfund.test");
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "chidi@safeharbour.test"));
        Assert.Multiple(() =>
        {
            Assert.That(user.OrganisationId, Is.EqualTo(organisationId));
            Assert.That(user.PasswordHash, Is.Null);
            Assert.That(user.DisplayName, Is.EqualTo("Chidi Okafor"));
        });
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
            Assert.That(await users.IsInRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Applicant), Is.True);
        }

        var email = (await FundData.EmailsToAsync(_app, "chidi@safeharbour.test")).Single();
        var link = InvitationLink().Match(email.TextBody);
        Assert.That(link.Success, Is.True, email.TextBody);
        Assert.That(link.Groups["user"].Value, Is.EqualTo(user.Id.ToString("D")));

        // The code is the Identity password-reset token (Base64Url), so the invitation page can set the password with it.
        var token = System.Text.Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(Uri.UnescapeDataString(link.Groups["code"].Value)));
        await using var check = _app.Services.CreateAsyncScope();
        var manager = check.ServiceProvider.GetRequiredService<UserManager<TrustFundUser>>();
        var invited = (await manager.FindByIdAsync(user.Id.ToString()))!;
        Assert.That(await manager.VerifyUserTokenAsync(invited, manager.Options.Tokens.PasswordResetTokenProvider, UserManager<TrustFundUser>.ResetPasswordTokenPurpose, token), Is.True);

        var (_, members) = await applicant.GetPageAsync("/Organisation/Members");
        Assert.That(members.QuerySelector("tr[data-member='chidi@safeharbour.test']")!.TextContent, Does.Contain("Invitation sent"));
    }

    [Test]
    public async Task Invite_InFrench_SendsTheInvitationInFrench_AndTheAcceptedAccountKeepsFrench()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var (_, form) = await applicant.GetPageAsync("/Organisation/Members");
        Assert.That(form.QuerySelectorAll("select[name='Culture'] option").Select(o => o.TextContent), Is.EqualTo(new[] { "English", "Français", "Español", "العربية" }));

        await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Aminata Diallo", ["Email"] = "aminata@safeharbour.test", ["Culture"] = "fr" });

        var email = (await FundData.EmailsToAsync(_app, "aminata@safeharbour.test")).Single();
        Assert.That(email.Subject, Does.StartWith("Vous êtes invité(e) à agir pour le compte de ").And.EndWith(" dans TrustFund"));
        Assert.That(email.TextBody, Does.StartWith("Bonjour Aminata Diallo,\n\n").And.Contain("Choisissez votre mot de passe à l'aide de ce lien\u00A0:"));
        var link = InvitationLink().Match(email.TextBody).Value;
        using var invitee = _app.NewSession();
        var (_, page) = await invitee.GetPageAsync(link);
        Assert.That(page.QuerySelector("h1")!.TextContent.Trim(), Is.EqualTo("Accepter votre invitation"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);
        var accepted = await invitee.PostFormAsync(link, "/Account/AcceptInvitation", new()
        {
            ["UserId"] = query["userId"].ToString(),
            ["Code"] = query["code"].ToString(),
            ["Password"] = "a colleague's own passphrase",
            ["ConfirmPassword"] = "a colleague's own passphrase",
        });
        Assert.That(TestSession.IsRedirectTo(accepted, "/Account/Login"), Is.True);
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == "aminata@safeharbour.test"));
        Assert.That(user.PreferredCulture, Is.EqualTo("fr"));
        Assert.That(user.PasswordHash, Is.Not.Null);
    }

    [TestCase("de")]
    [TestCase("en' onfocus='alert(1)")]
    public async Task Invite_LanguageNotOffered_IsRefusedWithAMessage_KeepsWhatWasTyped_AndInvitesNobody(string culture)
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Kofi Mensah", ["Email"] = "kofi@safeharbour.test", ["Culture"] = culture });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.GetElementById("Culture-error")!.TextContent, Does.Contain("Choose the language of the invitation from the list."));
        Assert.That(page.QuerySelector("input[name='Name']")!.GetAttribute("value"), Is.EqualTo("Kofi Mensah"));
        Assert.That(page.QuerySelector("input[name='Email']")!.GetAttribute("value"), Is.EqualTo("kofi@safeharbour.test"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("onfocus='alert"));
        Assert.That(await _app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == "kofi@safeharbour.test")), Is.False);
    }

    [Test]
    public async Task Invite_LinkUsesThePublicSiteAddressWhenConfigured()
    {
        using var app = await new TrustFundApp(new Dictionary<string, string?> { ["PublicSite:BaseUrl"] = "https://grants.example.org/" }).StartAsync();
        using var applicant = await app.SignInAsync("applicant@trustfund.test");

        await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Ada", ["Email"] = "ada@safeharbour.test" });

        var email = (await FundData.EmailsToAsync(app, "ada@safeharbour.test")).Single();
        Assert.That(email.TextBody, Does.Contain("https://grants.example.org/Account/AcceptInvitation?userId="));
    }

    [Test]
    public async Task Invite_ExistingEmail_IsRefused()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Someone", ["Email"] = "reviewer@trustfund.test" });

        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("An account with this email address already exists."));
    }

    [Test]
    public async Task Invite_MissingFields_AreRefused()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var response = await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "", ["Email"] = "nope" });

        var page = await TestSession.ParseAsync(response);
        var summary = page.QuerySelector("[data-error-summary]")!.TextContent;
        Assert.That(summary, Does.Contain("Enter your colleague's full name.").And.Contain("correct format"));
    }

    [Test]
    public async Task Remove_LastMember_IsRefused()
    {
        using var applicant = await _app.SignInAsync("applicant2@trustfund.test");
        var self = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "applicant2@trustfund.test").Select(u => u.Id).SingleAsync());

        var response = await applicant.PostFormAsync("/Organisation/Members", $"/Organisation/Members/{self}/Remove", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")!.TextContent, Does.Contain("is the only member of your organisation and cannot be removed"));
        Assert.That(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == self).Select(u => u.IsActive).SingleAsync()), Is.True);
    }

    [Test]
    public async Task Remove_Colleague_DeactivatesTheirAccount()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        await applicant.PostFormAsync("/Organisation/Members", "/Organisation/Members/Invite", new() { ["Name"] = "Leaving Colleague", ["Email"] = "leaving@safeharbour.test" });
        var id = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "leaving@safeharbour.test").Select(u => u.Id).SingleAsync());

        var response = await applicant.PostFormAsync("/Organisation/Members", $"/Organisation/Members/{id}/Remove", []);

        Assert.That(TestSession.IsRedirectTo(response, "/Organisation/Members"), Is.True);
        Assert.That(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.IsActive).SingleAsync()), Is.False);
        var (_, members) = await applicant.GetPageAsync("/Organisation/Members");
        Assert.That(members.QuerySelector("tr[data-member='leaving@safeharbour.test']"), Is.Null);
    }

    [Test]
    public async Task Remove_MemberOfAnotherOrganisation_IsNotFound()
    {
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");
        var other = await _app.WithDbAsync(db => db.Users.Where(u => u.Email == "applicant2@trustfund.test").Select(u => u.Id).SingleAsync());

        var response = await applicant.PostFormAsync("/Organisation/Members", $"/Organisation/Members/{other}/Remove", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await _app.WithDbAsync(db => db.Users.Where(u => u.Id == other).Select(u => u.IsActive).SingleAsync()), Is.True);
    }

    [GeneratedRegex(@"/Account/AcceptInvitation\?userId=(?<user>[0-9a-f-]{36})&code=(?<code>[A-Za-z0-9_\-%]+)")]
    private static partial Regex InvitationLink();
}
