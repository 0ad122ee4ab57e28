using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class EmailConfirmationTests
{
    private const string Password = "a long enough passphrase";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ConfirmEmail_After25Hours_SaysTheLinkExpiredAndLeavesTheAddressUnconfirmed()
    {
        var (email, link) = await RegisterAsync();
        _app.Clock.Advance(TimeSpan.FromHours(25));
        using var session = _app.NewSession();

        var (response, page) = await session.GetPageAsync(link);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(page), Is.EqualTo("This link has expired or is not valid"));
        Assert.That(page.QuerySelector("main a[href='/Account/ResendConfirmation']"), Is.Not.Null, "The page offers a new link");
        Assert.That((await FindUserAsync(_app, email))!.EmailConfirmed, Is.False);
    }

    [Test]
    public async Task ConfirmEmail_After23Hours_StillWorks()
    {
        var (email, link) = await RegisterAsync();
        _app.Clock.Advance(TimeSpan.FromHours(23));
        using var session = _app.NewSession();

        var (_, page) = await session.GetPageAsync(link);

        Assert.That(Heading(page), Is.EqualTo("Your email address is confirmed"));
        Assert.That((await FindUserAsync(_app, email))!.EmailConfirmed, Is.True);
    }

    [TestCase("garbage")]
    [TestCase("missing")]
    [TestCase("tampered")]
    [TestCase("other-user")]
    [TestCase("not-a-guid")]
    [TestCase("unknown-user")]
    [TestCase("reset-token")]
    public async Task ConfirmEmail_ForgedOrGarbledLink_SaysTheLinkIsNotValidAndConfirmsNothing(string forgery)
    {
        var (email, link) = await RegisterAsync();
        var (_, otherLink) = await RegisterAsync();
        var user = (await FindUserAsync(_app, email))!;
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + link).Query)["code"].ToString();
        var otherCode = QueryHelpers.ParseQuery(new Uri("http://x" + otherLink).Query)["code"].ToString();
        var forged = forgery switch
        {
            "garbage" => $"/Account/ConfirmEmail?userId={user.Id:D}&code=%%%not-base64%%%",
            "missing" => $"/Account/ConfirmEmail?userId={user.Id:D}",
            "tampered" => $"/Account/ConfirmEmail?userId={user.Id:D}&code={Tamper(code)}",
            "other-user" => $"/Account/ConfirmEmail?userId={user.Id:D}&code={otherCode}",
            "not-a-guid" => $"/Account/ConfirmEmail?userId=1%20OR%201=1&code={code}",
            "unknown-user" => $"/Account/ConfirmEmail?userId={Guid.NewGuid():D}&code={code}",
            "reset-token" => await ResetLinkAsCodeAsync(email, user.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(forgery)),
        };
        using var session = _app.NewSession();

        var (response, page) = await session.GetPageAsync(forged);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(page), Is.EqualTo("This link has expired or is not valid"));
        Assert.That((await FindUserAsync(_app, email))!.EmailConfirmed, Is.False);
    }

    [Test]
    public async Task ConfirmEmail_SameLinkTwice_SaysAlreadyConfirmed()
    {
        var (_, link) = await RegisterAsync();
        using var session = _app.NewSession();
        await session.GetPageAsync(link);

        var (_, page) = await session.GetPageAsync(link);

        Assert.That(Heading(page), Is.EqualTo("Your email address is already confirmed"));
    }

    [Test]
    public async Task ResendConfirmation_AnswersTheSameForAnyAddress_AndOnlyMailsAnUnconfirmedAccount()
    {
        var (email, oldLink) = await RegisterAsync();
        _app.Clock.Advance(TimeSpan.FromHours(25));
        var unknown = NewEmail("nobody");
        using var session = _app.NewSession();

        var known = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new() { ["Email"] = email }));
        var stranger = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new() { ["Email"] = unknown }));

        Assert.That(MainText(known).Replace(email, "ADDRESS", StringComparison.Ordinal), Is.EqualTo(MainText(stranger).Replace(unknown, "ADDRESS", StringComparison.Ordinal)));
        Assert.That(await EmailsToAsync(_app, unknown), Is.Empty);
        var newLink = await LinkInLatestEmailAsync(_app, email, "/Account/ConfirmEmail");
        Assert.That(newLink, Is.Not.EqualTo(oldLink));
        var (_, page) = await session.GetPageAsync(newLink);
        Assert.That(Heading(page), Is.EqualTo("Your email address is confirmed"));
    }

    [Test]
    public async Task ResendConfirmation_EmptyAddress_ShowsFieldError()
    {
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await session.PostFormAsync("/Account/ResendConfirmation", "/Account/ResendConfirmation", new() { ["Email"] = string.Empty }));

        Assert.That(FieldError(page, "Email"), Does.Contain("Enter your email address."));
    }

    private static string Tamper(string code)
    {
        var middle = code.Length / 2;
        var replacement = code[middle] == 'A' ? 'B' : 'A';
        return code[..middle] + replacement + code[(middle + 1)..];
    }

    private async Task<string> ResetLinkAsCodeAsync(string email, Guid userId)
    {
        using var session = _app.NewSession();
        await session.PostFormAsync("/Account/ForgotPassword", "/Account/ForgotPassword", new() { ["Email"] = email });
        var reset = await LinkInLatestEmailAsync(_app, email, "/Account/ResetPassword");
        var code = QueryHelpers.ParseQuery(new Uri("http://x" + reset).Query)["code"].ToString();
        return $"/Account/ConfirmEmail?userId={userId:D}&code={code}";
    }

    private async Task<(string Email, string Link)> RegisterAsync()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();
        await session.PostFormAsync("/Account/Register", "/Account/Register", new()
        {
            ["OrganisationName"] = "Confirmation test NGO",
            ["Country"] = "PHL",
            ["FullName"] = "Maria Santos",
            ["Email"] = email,
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        return (email, await LinkInLatestEmailAsync(_app, email, "/Account/ConfirmEmail"));
    }
}
