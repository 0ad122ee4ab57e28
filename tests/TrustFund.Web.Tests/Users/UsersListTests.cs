using System.Net;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Users;

public sealed class UsersListTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Index_ShowsEachUsersNameEmailOrganisationRolesStatusAndLastSignIn()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var (response, page) = await admin.GetPageAsync("/Admin/Users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(page), Is.EqualTo("Users"));
        var headers = page.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
        Assert.That(headers, Is.EqualTo(new[] { "Name", "Email address", "Organisation", "Roles", "Status", "Last sign-in (UTC)" }));
        var amina = Row(page, "applicant@trustfund.test");
        Assert.That(amina, Is.EqualTo(new[] { "Amina Haddad", "applicant@trustfund.test", "Safe Harbour Foundation for Survivors", "Applicant", "Active", "Never" }));
        var olga = Row(page, AdminEmail);
        Assert.That(olga[2], Is.EqualTo("Secretariat"));
        Assert.That(olga[3], Is.EqualTo("Administrator"));
        Assert.That(olga[5], Is.EqualTo("2 Mar 2026 09:00"), "The administrator's own sign-in, on the app's clock");
        Assert.That(page.QuerySelector("a[href='/Admin/Users/Invite']"), Is.Not.Null);
    }

    [TestCase("lucia", "applicant2@trustfund.test")]
    [TestCase("SAFE harbour", "applicant@trustfund.test")]
    [TestCase("REVIEWER2@", "reviewer2@trustfund.test")]
    [TestCase("esperanza", "applicant2@trustfund.test")]
    public async Task Index_TextFilter_MatchesNameEmailOrOrganisationIgnoringCaseAndAccents(string query, string expected)
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var (_, page) = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString(query)}");

        Assert.That(Emails(page), Is.EqualTo(new[] { expected }));
        Assert.That((page.QuerySelector("#q") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value, Is.EqualTo(query), "The filter is kept in the form");
    }

    [Test]
    public async Task Index_RoleFilter_ShowsOnlyThatRole()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var (_, page) = await admin.GetPageAsync("/Admin/Users?role=Reviewer");

        Assert.That(Emails(page), Is.EquivalentTo(new[] { "reviewer@trustfund.test", "reviewer2@trustfund.test" }));
    }

    [Test]
    public async Task Index_UnknownRoleOrHostileQuery_ShowsAnEmptyOrFullListWithoutError()
    {
        using var admin = await _app.SignInAsync(AdminEmail);

        var (unknownRole, all) = await admin.GetPageAsync("/Admin/Users?role=Superuser&page=-3");
        var (hostile, none) = await admin.GetPageAsync($"/Admin/Users?q={Uri.EscapeDataString("\"><script>alert(1)</script>")}");

        Assert.That(unknownRole.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Emails(all), Has.Count.GreaterThanOrEqualTo(7));
        Assert.That(hostile.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Emails(none), Is.Empty);
        Assert.That(MainText(none), Does.Contain("0 users found."));
        Assert.That(none.QuerySelectorAll("main script"), Is.Empty);
    }

    private static List<string> Emails(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("tbody tr").Select(tr => tr.QuerySelectorAll("td")[1].TextContent.Trim()).ToList();

    private static string[] Row(AngleSharp.Html.Dom.IHtmlDocument page, string email) =>
        page.QuerySelectorAll("tbody tr")
            .Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray())
            .Single(cells => cells[1] == email);
}
