using System.Net;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Users;

public sealed class UsersAccessTests
{
    private TrustFundApp _app = null!;
    private Guid _reviewerId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _reviewerId = (await FindUserAsync(_app, "reviewer@trustfund.test"))!.Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    private static IEnumerable<string> NonAdministrators => DemoData.Users.Where(u => u.Role != Roles.Administrator).Select(u => u.Email);

    [Test]
    public async Task UserPages_ForEveryRoleButAdministrator_Answer403([ValueSource(nameof(NonAdministrators))] string email, [Values("/Admin/Users", "/Admin/Users/Invite", "/Admin/Users/{id}")] string url)
    {
        using var session = await _app.SignInAsync(email);

        var (response, page) = await session.GetPageAsync(url.Replace("{id}", _reviewerId.ToString("D"), StringComparison.Ordinal));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(Heading(page), Is.EqualTo("You do not have access to this page"));
    }

    [TestCase("applicant@trustfund.test", "/Admin/Users/{id}/Deactivate")]
    [TestCase("reviewer2@trustfund.test", "/Admin/Users/{id}/Roles")]
    [TestCase("manager@trustfund.test", "/Admin/Users/{id}/Reactivate")]
    [TestCase("finance@trustfund.test", "/Admin/Users/Invite")]
    [TestCase("reviewer2@trustfund.test", "/Admin/Users/{id}/Invitation")]
    public async Task UserChanges_ByANonAdministratorWithAValidToken_Answer403AndChangeNothing(string email, string action)
    {
        using var session = await _app.SignInAsync(email);
        var before = await FindUserAsync(_app, "reviewer@trustfund.test");

        var response = await session.PostFormAsync("/Account/ChangePassword", action.Replace("{id}", _reviewerId.ToString("D"), StringComparison.Ordinal), new()
        {
            ["Reason"] = "forged",
            ["Roles"] = Roles.Administrator,
            ["Email"] = NewEmail("forged"),
            ["Name"] = "Forged",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        var after = await FindUserAsync(_app, "reviewer@trustfund.test");
        Assert.That(after!.IsActive, Is.EqualTo(before!.IsActive));
        Assert.That(after.SecurityStamp, Is.EqualTo(before.SecurityStamp));
        Assert.That(await RolesOfAsync(_app, _reviewerId), Is.EqualTo(new[] { Roles.Reviewer }));
    }

    [Test]
    public async Task UsersList_NotSignedIn_RedirectsToSignIn()
    {
        using var session = _app.NewSession();

        var response = await session.GetAsync("/Admin/Users");

        Assert.That(TestSession.IsRedirectTo(response, "/Account/Login"), Is.True);
    }

    [TestCase("/Admin/Users/Invite")]
    [TestCase("/Admin/Users/{id}/Roles")]
    [TestCase("/Admin/Users/{id}/Deactivate")]
    [TestCase("/Admin/Users/{id}/Reactivate")]
    [TestCase("/Admin/Users/{id}/Invitation")]
    public async Task UserChanges_WithoutAntiforgeryToken_Answer400AndChangeNothing(string action)
    {
        using var admin = await _app.SignInAsync(AdminEmail);
        var before = await FindUserAsync(_app, "reviewer@trustfund.test");
        var invited = NewEmail("forged");

        var response = await admin.PostWithoutTokenAsync(action.Replace("{id}", _reviewerId.ToString("D"), StringComparison.Ordinal), new()
        {
            ["Reason"] = "forged",
            ["Roles"] = Roles.Administrator,
            ["Email"] = invited,
            ["Name"] = "Forged",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var after = await FindUserAsync(_app, "reviewer@trustfund.test");
        Assert.That(after!.IsActive, Is.True);
        Assert.That(after.SecurityStamp, Is.EqualTo(before!.SecurityStamp));
        Assert.That(await RolesOfAsync(_app, _reviewerId), Is.EqualTo(new[] { Roles.Reviewer }));
        Assert.That(await FindUserAsync(_app, invited), Is.Null);
    }

    [Test]
    public async Task UserDetail_UnknownId_Answers404()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var response = await admin.GetAsync($"/Admin/Users/{Guid.NewGuid():D}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
