using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>Emails go in the language of the person receiving them (their account's choice), not of the person whose action sends them.</summary>
public sealed class EmailLanguageTests
{
    private TrustFundApp _app = null!;
    private Guid _callId;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _callId = (await FundData.PublishedCallAsync(_app, "LNG")).Id;
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task ReviewerWhoChoseFrench_AssignedByAManagerWorkingInEnglish_GetsTheEmailInFrench()
    {
        const string reviewerEmail = "reviewer2@trustfund.test";
        var application = await AssignmentPageTests.EligibleAsync(_app, _callId, "Lantern House");
        var reviewer = await _app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == reviewerEmail);
            user.PreferredCulture = "fr";
            await db.SaveChangesAsync();
            return user.Id;
        });
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        manager.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", "en");
        var url = $"/Manage/Applications/{application.Id}/Reviewers";

        var (_, page) = await manager.GetPageAsync(url);
        await manager.PostFormAsync(url, url + "/Assign", new() { ["ReviewerId"] = reviewer.ToString(), ["DueOn"] = "2026-12-31" });
        var email = (await FundData.EmailsToAsync(_app, reviewerEmail)).Single(m => m.Subject.Contains(application.Reference!, StringComparison.Ordinal));

        Assert.Multiple(() =>
        {
            Assert.That(page.DocumentElement.GetAttribute("lang"), Is.EqualTo("en"), "the manager works in English");
            Assert.That(email.Subject, Does.StartWith("Nouvelle affectation pour évaluation\u00A0: "));
            Assert.That(email.TextBody, Does.StartWith("Bonjour "));
            Assert.That(email.TextBody, Does.Contain("31 décembre 2026"), "the due day in French");
            Assert.That(email.TextBody, Does.Not.Contain("You have been asked"));
        });
    }
}
