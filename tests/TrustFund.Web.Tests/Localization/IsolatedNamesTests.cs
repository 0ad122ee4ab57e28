using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Localization;

/// <summary>
/// Names people typed (a Hebrew organisation name, a Chinese or a Latin person name) are set apart from
/// the page around them on the staff pages, in English and in Arabic, so that a name in one direction
/// does not reorder the sentence or the table cell it sits in on a page of the other direction.
/// </summary>
public sealed class IsolatedNamesTests
{
    private const string Organisation = "עמותת בית חם לניצולים";
    private const string Reviewer = "王秀英 (Wang Xiuying)";
    private const string Member = "Amira Haddad";
    private const string Manager = "manager@trustfund.test";
    private const string Admin = "admin@trustfund.test";

    private TrustFundApp _app = null!;
    private Dictionary<string, string> _managerPages = [];
    private Dictionary<string, string> _adminPages = [];

    [OneTimeSetUp]
    public async Task StartAppWithNamesInOtherScripts()
    {
        _app = await new TrustFundApp().StartAsync();
        var reviewerId = await _app.WithDbAsync(async db =>
        {
            var reviewer = await db.Users.SingleAsync(u => u.Email == "reviewer@trustfund.test");
            reviewer.DisplayName = Reviewer;
            await db.SaveChangesAsync();
            return reviewer.Id;
        });
        var organisation = await FundData.OrganisationAsync(_app, Organisation, country: "ISR");
        var member = await TestAccounts.CreateUserAsync(_app, TrustFund.Application.Accounts.Roles.Applicant);
        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Users.SingleAsync(u => u.Id == member.Id);
            tracked.DisplayName = Member;
            tracked.OrganisationId = organisation.Id;
            return await db.SaveChangesAsync();
        });
        var (callId, applications) = await GrantWebData.RankedCallAsync(_app, "BIDI", 500_000m, new GrantWebData.Entry(organisation.Id, 20_000m, 4));
        var grantId = await GrantWebData.GrantAsync(_app, organisation.Id, "BIDIG");
        var reportId = await _app.WithDbAsync(db => db.GranteeReports.Where(r => r.GrantId == grantId).Select(r => r.Id).FirstAsync());

        _managerPages = new()
        {
            ["applications"] = "/Manage/Applications",
            ["application"] = $"/Manage/Applications/{applications[0]}",
            ["assignments"] = $"/Manage/Applications/{applications[0]}/Reviewers",
            ["screening"] = $"/Manage/Applications/{applications[0]}/Screening",
            ["ranking"] = $"/Manage/Calls/{callId}/Ranking",
            ["decisions"] = $"/Manage/Calls/{callId}/Decisions",
            ["decision"] = $"/Manage/Calls/{callId}/Decisions/{applications[0]}",
            ["conflicts"] = $"/Manage/Calls/{callId}/Conflicts",
            ["reviewers"] = "/Manage/Reviewers",
            ["reviewer"] = $"/Manage/Reviewers/{reviewerId}",
            ["reviewer profile"] = $"/Manage/Reviewers/{reviewerId}/Profile",
            ["organisations"] = "/Manage/Organisations",
            ["organisation"] = $"/Manage/Organisations/{organisation.Id}",
            ["grants"] = "/Manage/Grants",
            ["grant"] = $"/Grants/{grantId}",
            ["payments"] = $"/Grants/{grantId}/Payments",
            ["grant reports"] = $"/Grants/{grantId}/Reports",
            ["report"] = $"/Grants/{grantId}/Reports/{reportId}",
            ["concerns"] = $"/Manage/Organisations/{organisation.Id}/Concerns",
            ["reports"] = "/Manage/Reports",
        };
        _adminPages = new()
        {
            ["users"] = "/Admin/Users",
            ["user"] = $"/Admin/Users/{member.Id}",
            ["reviewer account"] = $"/Admin/Users/{reviewerId}",
            ["audit"] = "/Admin/Audit",
        };
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [TestCase("en")]
    [TestCase("ar")]
    public async Task StaffPages_SetEveryOrganisationAndPersonNameApart(string language)
    {
        var found = new Dictionary<string, int> { [Organisation] = 0, [Reviewer] = 0, [Member] = 0 };
        var loose = new List<string>();
        foreach (var (email, pages) in new[] { (Manager, _managerPages), (Admin, _adminPages) })
        {
            using var session = await _app.SignInAsync(email);
            session.Client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Language", language);
            foreach (var (page, url) in pages)
            {
                var (response, document) = await session.GetPageAsync(url);
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"{page} ({url})");
                Assert.That(document.DocumentElement.GetAttribute("lang"), Is.EqualTo(language), page);
                foreach (var name in found.Keys.ToList())
                {
                    foreach (var text in TextsNaming(document, name))
                    {
                        found[name]++;
                        if (!IsSetApart(text, name))
                        {
                            loose.Add($"{page}: {name} in <{text.ParentElement?.LocalName}> \"{Shorten(text.ParentElement?.TextContent)}\"");
                        }
                    }
                }
            }
        }

        TestContext.Out.WriteLine(string.Join("; ", found.Select(f => $"{f.Key}: {f.Value}")));
        Assert.Multiple(() =>
        {
            Assert.That(loose, Is.Empty, "each name inside a <bdi>, or an element with dir=\"auto\" or dir=\"ltr\", holding that name alone");
            Assert.That(found[Organisation], Is.GreaterThanOrEqualTo(20), "the organisation is named on most of the pages");
            Assert.That(found[Reviewer], Is.GreaterThanOrEqualTo(5), "the reviewer is named on the assignments, reviewers, users and audit pages");
            Assert.That(found[Member], Is.GreaterThanOrEqualTo(3), "the member is named on the organisation and users pages");
        });
    }

    /// <summary>
    /// The text nodes of the page's body that hold the name, apart from what fields hold for editing (a
    /// textarea holds text only; it is given its direction with dir="auto").
    /// </summary>
    private static IEnumerable<INode> TextsNaming(IDocument document, string name) =>
        document.Body!.Descendants().Where(n =>
            n.NodeType == NodeType.Text
            && n.TextContent.Contains(name, StringComparison.Ordinal)
            && n.ParentElement is not { LocalName: "textarea" });

    /// <summary>
    /// Whether the nearest element isolating the text (a <c>bdi</c>, or an element other than the page's
    /// root with <c>dir="auto"</c> or <c>dir="ltr"</c>) holds the name and nothing else, or is a text
    /// recorded in English (an audit summary, <c>lang="en" dir="ltr"</c>) set apart as a whole.
    /// </summary>
    private static bool IsSetApart(INode text, string name)
    {
        var isolating = text.Ancestors<IElement>().FirstOrDefault(e =>
            e.LocalName == "bdi" || (e.LocalName is not ("html" or "body") && e.GetAttribute("dir") is "auto" or "ltr"));
        return isolating is not null
            && (Bare(isolating.TextContent) == name || (isolating.GetAttribute("lang") == "en" && isolating.GetAttribute("dir") == "ltr"));
    }

    private static string Bare(string text) => new string([.. text.Where(c => c is < '\u2066' or > '\u2069')]).Trim();

    private static string Shorten(string? text)
    {
        var bare = string.Join(' ', (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return bare.Length > 140 ? bare[..140] + "…" : bare;
    }
}
