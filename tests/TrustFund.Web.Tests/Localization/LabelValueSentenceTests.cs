using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Reviews;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// A translated label and its value are joined by the catalogue's "{0}: {1}", so French sets its colon apart with
/// a no-break space (docs/glossary.md, "Punctuation"); no view glues them with a colon of its own.
/// </summary>
public sealed partial class LabelValueSentenceTests
{
    private const string Manager = "manager@trustfund.test";
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public void NoView_GluesAColonAfterATranslatedLabel()
    {
        var views = Path.Combine(CatalogueKeys.RepositoryRoot(), "src", "TrustFund.Web", "Features");
        var glued = Directory.EnumerateFiles(views, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(l => GluedColon().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(views, l.file)}:{l.number}: {l.line.Trim()}")
            .ToList();

        Assert.That(glued, Is.Empty);
    }

    [Test]
    public void TheScan_FindsTheGluesItIsMeantFor()
    {
        Assert.Multiple(() =>
        {
            Assert.That(GluedColon().IsMatch("<li>@L[status]: @count</li>"), Is.True);
            Assert.That(GluedColon().IsMatch("<p><strong>@L[\"Priority situations\"]:</strong> x</p>"), Is.True);
            Assert.That(GluedColon().IsMatch("<li><strong>@L[CallLabels.Of(a.Type)]</strong>: @a.Description</li>"), Is.True);
            Assert.That(GluedColon().IsMatch("$\"{L[CallLabels.Of(h)].Value}: {L[CallLabels.Of(a)].Value}\""), Is.True);
            Assert.That(GluedColon().IsMatch("<li>@L[\"{0}: {1}\", L[status], count]</li>"), Is.False);
            Assert.That(GluedColon().IsMatch("<p>@L[\"Not assignable: a member of the applicant organisation.\"]</p>"), Is.False);
        });
    }

    [Test]
    public async Task CallForm_InFrench_JoinsEachAssistanceTypeToItsHeadingWithANoBreakSpace()
    {
        using var manager = await _app.SignInAsync(Manager);

        var page = await manager.GetPageInAsync("/Manage/Calls/New", "fr");

        var labels = page.QuerySelectorAll("label").Select(l => l.TextContent.Trim()).ToList();
        Assert.That(labels, Does.Contain("Assistance humanitaire\u00A0: Soins médicaux"));
    }

    [Test]
    public async Task CallDetails_InFrench_CountsTheApplicationsOfAStatusWithANoBreakSpace()
    {
        var call = await FundData.PublishedCallAsync(_app, "LVS");
        await AssignmentPageTests.EligibleAsync(_app, call.Id, "Label Glue Org");
        using var manager = await _app.SignInAsync(Manager);

        var page = await manager.GetPageInAsync($"/Manage/Calls/{call.Id}", "fr");

        var items = page.QuerySelectorAll("li").Select(l => l.TextContent.Trim()).ToList();
        Assert.That(items, Does.Contain("Admissible\u00A0: 1"));
    }

    [Test]
    public async Task ApplicantHome_InFrench_SetsEachOpenCallsDeadlineAndEachGrantsAmountsApartWithANoBreakSpace()
    {
        var call = await Applications.ApplicantJourney.CreateOpenCallAsync(_app);
        using var applicant = await _app.SignInAsync("applicant@trustfund.test");

        var page = await applicant.GetPageInAsync("/", "fr");

        var line = page.QuerySelector($"[data-open-call='{call.Code}']")?.TextContent ?? string.Empty;
        Assert.That(line, Does.Contain("\u00A0: clôture le 1 avril 2026"));
    }

    [Test]
    public async Task ManagerHome_InFrench_HeadsEachCallWithItsCodeAndTitleJoinedByANoBreakSpace()
    {
        var call = await FundData.PublishedCallAsync(_app, "LVH");
        using var manager = await _app.SignInAsync(Manager);

        var page = await manager.GetPageInAsync("/", "fr");

        Assert.That(page.QuerySelector($"#call-{call.Id}-title")?.TextContent, Is.EqualTo($"{call.Code}\u00A0: {call.Title}"));
    }


    // "@L[...]: ", "@L[...]:</strong>", "@L[...]</strong>: " and "{L[...].Value}: {" in an interpolated string.
    [GeneratedRegex(@"@L\[[^\r\n]*?\](</(strong|span|b|em)>)?:[\s<]|\.Value\}: \{")]
    private static partial Regex GluedColon();
}
