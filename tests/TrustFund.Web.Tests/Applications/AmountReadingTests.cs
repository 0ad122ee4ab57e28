using System.Net;
using TrustFund.Web.Tests.Infrastructure;
using static TrustFund.Web.Tests.Applications.ApplicantJourney;

namespace TrustFund.Web.Tests.Applications;

/// <summary>
/// Issue 12, defect 14: every amount and quantity typed into the applicant's forms is read by the one
/// number reader; one that could be read in more than one way ("98,85" in English, where the comma
/// separates thousands) is refused on its own field with a message naming the field and the expected
/// form, never saved as another number (9885).
/// </summary>
public sealed class AmountReadingTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("AmountRequested", "amount requested")]
    [TestCase("TotalProjectCost", "total project cost")]
    [TestCase("OtherFunding", "funding from other sources")]
    public async Task Project_AmountWithAmbiguousSeparator_IsRefusedNamingTheField(string field, string label)
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Project", new Dictionary<string, string> { ["Title"] = "Typed with 98,85", [field] = "98,85" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        var message = page.QuerySelector($"[data-error-summary] a[href='#{field}']")?.TextContent ?? string.Empty;
        var content = (await ReadAsync(_app, id)).Content;
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain($"The {label} \"98,85\" can be read in more than one way."));
            Assert.That(message, Does.Contain("Write it like 1,234.56"));
            Assert.That(page.QuerySelector($"#{field}-error")?.TextContent, Does.Contain(label));
            Assert.That(page.QuerySelector($"#{field}")?.GetAttribute("value"), Is.EqualTo("98,85"), "the input is kept");
            Assert.That(content.Title, Is.Empty, "nothing is saved");
            Assert.That(new[] { content.AmountRequested, content.TotalProjectCost, content.OtherFunding }, Has.None.EqualTo(9885m));
        });
    }

    [TestCase("UnitCost", "unit cost")]
    [TestCase("Quantity", "quantity")]
    public async Task Budget_NumberWithAmbiguousSeparator_IsRefusedNamingTheField(string field, string label)
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;
        var line = new Dictionary<string, string>
        {
            ["Budget[0].Id"] = Guid.NewGuid().ToString(),
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Interpreter",
            ["Budget[0].Quantity"] = "2",
            ["Budget[0].Unit"] = "day",
            ["Budget[0].UnitCost"] = "100",
            ["Command"] = "save",
        };
        line[$"Budget[0].{field}"] = "98,85";

        var response = await SaveSectionAsync(session, id, "Budget", line);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        var message = page.QuerySelector($"[data-error-summary] a[href='#Budget_0__{field}']")?.TextContent ?? string.Empty;
        var budget = (await ReadAsync(_app, id)).Content.Budget;
        Assert.Multiple(() =>
        {
            Assert.That(message, Does.Contain($"The {label} \"98,85\" can be read in more than one way."));
            Assert.That(page.QuerySelector($"#Budget_0__{field}")?.GetAttribute("value"), Is.EqualTo("98,85"), "the input is kept");
            Assert.That(page.QuerySelector("[data-budget-line='0'] [data-line-total]")?.TextContent, Is.EqualTo("–"), "no total is computed from a guess");
            Assert.That(budget, Is.Empty, "nothing is saved, so 98,85 never becomes 9885");
        });
    }

    [Test]
    public async Task Budget_UnitCostWithGroupedThousandsAndCents_IsSaved()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        await ExpectSavedAsync(SaveSectionAsync(session, id, "Budget", new Dictionary<string, string>
        {
            ["Budget[0].Id"] = Guid.NewGuid().ToString(),
            ["Budget[0].Category"] = "Personnel",
            ["Budget[0].Description"] = "Interpreter",
            ["Budget[0].Quantity"] = "2",
            ["Budget[0].Unit"] = "day",
            ["Budget[0].UnitCost"] = "1,098.85",
            ["Command"] = "save",
        }));

        var budget = (await ReadAsync(_app, id)).Content.Budget;
        Assert.That(budget.Single().UnitCost, Is.EqualTo(1098.85m));
        Assert.That(budget.Single().Total, Is.EqualTo(2197.70m));
    }

    [Test]
    public async Task Beneficiaries_CountWithAmbiguousSeparator_IsRefused()
    {
        var (session, id) = await NewDraftAsync();
        using var signedIn = session;

        var response = await SaveSectionAsync(session, id, "Beneficiaries", new Dictionary<string, string> { ["Counts[Female_Age18To24]"] = "1,5" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("[data-error-summary]")?.TextContent, Does.Contain("Enter the number of persons as a whole number, 0 or more, such as 25."));
        Assert.That((await ReadAsync(_app, id)).Content.Beneficiaries, Is.Empty, "1,5 is never read as 15");
    }

    private async Task<(TestSession Session, Guid Id)> NewDraftAsync()
    {
        var call = await CreateOpenCallAsync(_app);
        var session = await _app.SignInAsync(Applicant);
        return (session, await StartAsync(session, call.Id));
    }
}
