using System.Net;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Infrastructure.TestAccounts;

namespace TrustFund.Web.Tests.Account;

public sealed class RegistrationTests
{
    private const string GoodPassword = "correct horse battery staple";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task Register_ValidForm_CreatesPendingOrganisationAndUnconfirmedApplicantInOneGo()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();

        var response = await PostRegistrationAsync(session, Form(email, organisation: "Association Espoir et Dignité", name: "Awa Diop"));

        var page = await TestSession.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(page), Is.EqualTo("Check your email"));
        Assert.That(MainText(page), Does.Contain($"We have sent an email to {email}."));
        var user = await FindUserAsync(_app, email);
        Assert.That(user, Is.Not.Null);
        Assert.That(user!.EmailConfirmed, Is.False);
        Assert.That(user.IsActive, Is.True);
        Assert.That(user.DisplayName, Is.EqualTo("Awa Diop"));
        Assert.That(await RolesOfAsync(_app, user.Id), Is.EqualTo(new[] { Roles.Applicant }));
        var organisation = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId));
        Assert.That(organisation.LegalName, Is.EqualTo("Association Espoir et Dignité"));
        Assert.That(organisation.CountryOfRegistration, Is.EqualTo("SEN"));
        Assert.That(organisation.Status, Is.EqualTo(OrganisationStatus.PendingVerification));
        var emails = await EmailsToAsync(_app, email);
        Assert.That(emails.Select(e => e.Subject), Is.EqualTo(new[] { "Confirm your email address for TrustFund" }));
        Assert.That(LinkIn(emails[0].TextBody, "/Account/ConfirmEmail"), Does.StartWith($"/Account/ConfirmEmail?userId={user.Id:D}&code="));
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.Registered && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
    }

    [Test]
    public async Task Register_ThenConfirmationLink_ConfirmsTheAddressAndAllowsSignIn()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();
        await PostRegistrationAsync(session, Form(email));
        var refused = await RefusedSignInAsync(_app, email, GoodPassword);
        Assert.That(ErrorSummary(refused), Does.Contain("Confirm your email address first"));

        var (response, page) = await session.GetPageAsync(await LinkInLatestEmailAsync(_app, email, "/Account/ConfirmEmail"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(page), Is.EqualTo("Your email address is confirmed"));
        var user = await FindUserAsync(_app, email);
        Assert.That(user!.EmailConfirmed, Is.True);
        var audited = await _app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditActions.EmailConfirmed && e.EntityId == user.Id.ToString()));
        Assert.That(audited, Is.True);
        using var signedIn = await _app.SignInAsync(email, GoodPassword);
        var (home, homePage) = await signedIn.GetPageAsync("/");
        Assert.That(home.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(Heading(homePage), Is.EqualTo("Test NGO for registration"));
    }

    [Test]
    public async Task Register_EmailAlreadyUsed_ShowsTheSamePageCreatesNothingAndNotifiesTheOwner()
    {
        var owner = await CreateUserAsync(_app, Roles.Applicant, withOrganisation: true);
        var freshEmail = NewEmail("ngo");
        using var session = _app.NewSession();
        var fresh = await TestSession.ParseAsync(await PostRegistrationAsync(session, Form(freshEmail)));
        var usersBefore = await _app.WithDbAsync(db => db.Users.CountAsync());
        var organisationsBefore = await _app.WithDbAsync(db => db.Organisations.CountAsync());

        var response = await PostRegistrationAsync(session, Form(owner.Email!.ToUpperInvariant(), organisation: "Someone else's NGO"));

        var page = await TestSession.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(
            MainText(page).Replace(owner.Email.ToUpperInvariant(), "ADDRESS", StringComparison.Ordinal),
            Is.EqualTo(MainText(fresh).Replace(freshEmail, "ADDRESS", StringComparison.Ordinal)),
            "The page must not reveal that the address is taken");
        Assert.That(await _app.WithDbAsync(db => db.Users.CountAsync()), Is.EqualTo(usersBefore));
        Assert.That(await _app.WithDbAsync(db => db.Organisations.CountAsync()), Is.EqualTo(organisationsBefore));
        var after = await FindUserAsync(_app, owner.Email);
        Assert.That(after!.PasswordHash, Is.EqualTo(owner.PasswordHash));
        Assert.That(after.SecurityStamp, Is.EqualTo(owner.SecurityStamp));
        Assert.That(after.OrganisationId, Is.EqualTo(owner.OrganisationId));
        var emails = await EmailsToAsync(_app, owner.Email);
        Assert.That(emails.Select(e => e.Subject), Is.EqualTo(new[] { "Someone tried to register with your email address" }));
        Assert.That(emails[0].TextBody, Does.Contain("sign in").And.Contain("/Account/ForgotPassword"));
        using var signedIn = await _app.SignInAsync(owner.Email);
    }

    [TestCase(11, "Your password must be at least 12 characters long.")]
    [TestCase(129, "Your password must be 128 characters or fewer.")]
    public async Task Register_PasswordOfWrongLength_ShowsFieldErrorAndCreatesNothing(int length, string message)
    {
        var email = NewEmail("ngo");
        var password = new string('p', length);
        using var session = _app.NewSession();
        var organisationsBefore = await _app.WithDbAsync(db => db.Organisations.CountAsync());

        var response = await PostRegistrationAsync(session, Form(email, password: password));

        var page = await TestSession.ParseAsync(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ErrorSummary(page), Does.Contain(message));
        Assert.That(FieldError(page, "Password"), Does.Contain(message));
        Assert.That(page.QuerySelector("#Password")?.GetAttribute("value"), Is.Null, "A password is never written back into the page");
        Assert.That((page.QuerySelector("#OrganisationName") as AngleSharp.Html.Dom.IHtmlInputElement)?.Value, Is.EqualTo("Test NGO for registration"), "Other answers are kept");
        Assert.That(await FindUserAsync(_app, email), Is.Null);
        Assert.That(await _app.WithDbAsync(db => db.Organisations.CountAsync()), Is.EqualTo(organisationsBefore));
        Assert.That(await EmailsToAsync(_app, email), Is.Empty);
    }

    [TestCase(12)]
    [TestCase(128)]
    public async Task Register_PasswordAtTheLimits_IsAccepted(int length)
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();

        await PostRegistrationAsync(session, Form(email, password: new string('q', length)));

        Assert.That(await FindUserAsync(_app, email), Is.Not.Null);
    }

    [Test]
    public async Task Register_PasswordsDoNotMatch_ShowsFieldErrorAndCreatesNothing()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();
        var form = Form(email);
        form["ConfirmPassword"] = GoodPassword + "!";

        var page = await TestSession.ParseAsync(await PostRegistrationAsync(session, form));

        Assert.That(FieldError(page, "ConfirmPassword"), Does.Contain("The passwords do not match."));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
    }

    [Test]
    public async Task Register_EmptyForm_ShowsAnErrorLinkedToEachFieldAndCreatesNothing()
    {
        using var session = _app.NewSession();
        var usersBefore = await _app.WithDbAsync(db => db.Users.CountAsync());

        var response = await PostRegistrationAsync(session, new()
        {
            ["OrganisationName"] = " ",
            ["Country"] = string.Empty,
            ["FullName"] = string.Empty,
            ["Email"] = string.Empty,
            ["Password"] = string.Empty,
            ["ConfirmPassword"] = string.Empty,
        });

        var page = await TestSession.ParseAsync(response);
        var links = page.QuerySelectorAll("[data-error-summary] a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.That(links, Is.EqualTo(new (string?, string)[]
        {
            ("#OrganisationName", "Enter your organisation's full legal name."),
            ("#Country", "Select the country where your organisation is registered."),
            ("#FullName", "Enter your full name."),
            ("#Email", "Enter your email address."),
            ("#Password", "Enter a password."),
        }), "The summary lists the errors in the order of the fields");
        Assert.That(page.GetElementById("Country")?.GetAttribute("aria-describedby"), Is.EqualTo("Country-error"));
        Assert.That(await _app.WithDbAsync(db => db.Users.CountAsync()), Is.EqualTo(usersBefore));
    }

    [TestCase("XXX")]
    [TestCase("TWN")]
    [TestCase("<script>")]
    public async Task Register_CountryNotInTheList_ShowsFieldError(string country)
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();
        var form = Form(email);
        form["Country"] = country;

        var page = await TestSession.ParseAsync(await PostRegistrationAsync(session, form));

        Assert.That(FieldError(page, "Country"), Does.Contain("Select the country where your organisation is registered."));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
    }

    [TestCase("not-an-email")]
    [TestCase("two words@ngo.test")]
    [TestCase("name@localhost")]
    public async Task Register_MalformedEmail_ShowsFieldError(string email)
    {
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await PostRegistrationAsync(session, Form(email)));

        Assert.That(FieldError(page, "Email"), Does.Contain("Enter an email address in the correct format"));
    }

    [Test]
    public async Task Register_ApostropheInEmailAddress_IsAccepted()
    {
        var email = $"o'brien-{Guid.NewGuid():N}@ngo.test";
        using var session = _app.NewSession();

        await PostRegistrationAsync(session, Form(email));

        Assert.That(await FindUserAsync(_app, email), Is.Not.Null);
    }

    [Test]
    public async Task Register_LegalNameOver300Characters_ShowsFieldErrorAndCreatesNothing()
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();

        var page = await TestSession.ParseAsync(await PostRegistrationAsync(session, Form(email, organisation: new string('é', 301))));

        Assert.That(FieldError(page, "OrganisationName"), Does.Contain("300 characters or fewer"));
        Assert.That(await FindUserAsync(_app, email), Is.Null);
    }

    [TestCaseSource(typeof(MultilingualNames), nameof(MultilingualNames.All))]
    public async Task Register_NameInAnyScriptOrHostile_RoundTripsEscapedThroughTheUsersList(string name)
    {
        var email = NewEmail("ngo");
        using var session = _app.NewSession();

        await PostRegistrationAsync(session, Form(email, organisation: name, name: name));

        var user = await FindUserAsync(_app, email);
        Assert.That(user, Is.Not.Null);
        Assert.That(user!.DisplayName, Is.EqualTo(name));
        var organisation = await _app.WithDbAsync(db => db.Organisations.AsNoTracking().SingleAsync(o => o.Id == user.OrganisationId));
        Assert.That(organisation.LegalName, Is.EqualTo(name));
        var confirmation = (await EmailsToAsync(_app, email)).Single();
        Assert.That(confirmation.TextBody, Does.Contain(name));
        Assert.That(confirmation.HtmlBody, Does.Not.Contain(MultilingualNames.ScriptTag).And.Not.Contain("<Trust>"));

        using var admin = await _app.SignInAsync(AdminEmail);
        var response = await admin.GetAsync($"/Admin/Users?q={Uri.EscapeDataString(email)}");
        var html = await response.Content.ReadAsStringAsync();
        var page = TestSession.Parse(html);
        var row = page.QuerySelectorAll("tbody tr").Single();
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.That(cells[0], Is.EqualTo(name));
        Assert.That(cells[2], Is.EqualTo(name));
        Assert.That(html, Does.Not.Contain(MultilingualNames.ScriptTag).And.Not.Contain("<Trust>"));
        Assert.That(page.QuerySelectorAll("main script"), Is.Empty);

        var (_, detail) = await admin.GetPageAsync($"/Admin/Users/{user.Id:D}");
        Assert.That(Heading(detail), Is.EqualTo(name));
    }

    [Test]
    public async Task RegisterPage_IsUsableWithoutSigningIn_AndLabelsEveryField()
    {
        using var session = _app.NewSession();

        var (response, page) = await session.GetPageAsync("/Account/Register");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var id in new[] { "OrganisationName", "Country", "FullName", "Email", "Password", "ConfirmPassword" })
        {
            Assert.That(page.QuerySelector($"label[for={id}]"), Is.Not.Null, id);
        }

        var countries = page.QuerySelectorAll("#Country option").Select(o => o.GetAttribute("value")).ToList();
        Assert.That(countries, Has.Count.GreaterThan(240).And.Contains("NGA").And.Contains("COL"));
    }

    private static Dictionary<string, string> Form(string email, string organisation = "Test NGO for registration", string name = "Test Person", string password = GoodPassword) => new()
    {
        ["OrganisationName"] = organisation,
        ["Country"] = "SEN",
        ["FullName"] = name,
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = password,
    };

    private static Task<HttpResponseMessage> PostRegistrationAsync(TestSession session, Dictionary<string, string> form) =>
        session.PostFormAsync("/Account/Register", "/Account/Register", form);
}
