using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Every discovered form is posted with its own values plus fields a browser never sends (status,
/// owner, amounts, roles, identity flags, ids): none of them may reach the database.
/// </summary>
public sealed class MassAssignmentTests
{
    private const string Marker = "MASS-ASSIGN-1";
    private const decimal InjectedAmount = 987_654.32m;

    private TrustFundApp _app = null!;
    private FormCrawler _crawler = null!;
    private OtherOrganisation _other = null!;
    private readonly Guid _injectedId = Guid.NewGuid();

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        var samples = await HostileData.SamplesAsync(_app);
        _other = await HostileData.OtherOrganisationAsync(_app, samples);
        _crawler = new FormCrawler(_app, samples);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _crawler.Dispose();
        _app.Dispose();
    }

    [Test]
    [CancelAfter(300_000)]
    [Order(3)] // last: its posts include resetting two-factor sign-in, which the other tests need intact
    public async Task EveryForm_ExtraFields_AreIgnored()
    {
        var forms = await _crawler.DiscoverAsync();
        var failures = new List<string>();
        var posts = 0;
        foreach (var form in forms)
        {
            var own = form.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var extras = Extras().Where(e => !own.Contains(e.Key)).ToList();
            var fields = form.Original();
            fields.AddRange(extras.Select(e => new KeyValuePair<string, byte[]>(e.Key, Encoding.UTF8.GetBytes(e.Value))));
            var before = await ProtectedStateAsync();

            using var response = await _crawler.PostAsync(form, fields);
            posts++;

            var after = await ProtectedStateAsync();
            if ((int)response.StatusCode >= 500)
            {
                failures.Add($"{form}: {(int)response.StatusCode}");
            }

            failures.AddRange(Compare(form, before, after));
            if (TestSession.IsRedirectTo(response, "/Account/Login") && form.Identity != FormCrawler.Anonymous)
            {
                await _crawler.RenewAsync(form.Identity);
            }
        }

        await TestContext.Out.WriteLineAsync($"Mass assignment: {forms.Count} forms, {posts} posts, {Extras().Count} extra fields each (less those a form already has).");
        Assert.That(forms.Select(f => f.Action).Distinct().Count(), Is.GreaterThanOrEqualTo(25), "forms discovered");
        Assert.That(failures, Is.Empty, string.Join('\n', failures.Take(60)));
    }

    [TestCase("/no/such/page?code=abc")]
    [TestCase("/no/such/page?code=200")]
    [Order(2)]
    public async Task StatusCodePage_QueryFieldNamedCode_StillAnswersWithTheRealStatus(string url)
    {
        using var visitor = await _app.SignInAsync("reviewer2@trustfund.test");

        var response = await visitor.GetAsync(url);

        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.NotFound));
    }

    [Test]
    [Order(1)]
    public async Task Post_FieldNamedId_DoesNotRedirectTheActionToAnotherRecord()
    {
        using var manager = await _app.SignInAsync("manager@trustfund.test");
        var target = await Screening.FundData.PublishedCallAsync(_app, "IDA");
        var other = await Screening.FundData.PublishedCallAsync(_app, "IDB");
        var edit = $"/Manage/Calls/{target.Id}/Edit";
        var (_, page) = await manager.GetPageAsync(edit);
        var fields = page.QuerySelectorAll("form[action$='/Edit'] input[name], form[action$='/Edit'] textarea[name]")
            .Select(e => (Name: e.GetAttribute("name")!, Value: e is AngleSharp.Html.Dom.IHtmlTextAreaElement t ? t.Value : e.GetAttribute("value") ?? string.Empty, Type: e.GetAttribute("type")))
            .Where(f => f.Type is not ("checkbox" or "radio") && f.Name != "__RequestVerificationToken")
            .GroupBy(f => f.Name).ToDictionary(g => g.Key, g => g.First().Value);
        foreach (var select in page.QuerySelectorAll("form[action$='/Edit'] select[name]").OfType<AngleSharp.Html.Dom.IHtmlSelectElement>())
        {
            fields[select.Name!] = select.Value ?? string.Empty;
        }

        foreach (var box in page.QuerySelectorAll("form[action$='/Edit'] input[type=checkbox][checked][name]").GroupBy(b => b.GetAttribute("name")!))
        {
            // Several boxes share a name; posted as name[i] they bind to the same list.
            var i = 0;
            foreach (var item in box)
            {
                fields[$"{box.Key}[{i++}]"] = item.GetAttribute("value") ?? "true";
            }
        }

        fields["Title"] = "Renamed through the URL's call";
        fields["AmendmentReason"] = "The title had a typing error.";
        fields["Id"] = other.Id.ToString();
        fields["Command"] = "save";

        var response = await manager.PostFormAsync(edit, edit, fields);

        Assert.That((int)response.StatusCode, Is.LessThan(500));
        var titles = await _app.WithDbAsync(db => db.Calls.Where(c => c.Id == other.Id || c.Id == target.Id).ToDictionaryAsync(c => c.Id, c => c.Title));
        Assert.That(titles[other.Id], Is.EqualTo("Call IDB"), "the call named in the posted Id field is untouched");
        Assert.That(titles[target.Id], Is.EqualTo("Renamed through the URL's call"), "the call named in the URL is the one edited");
    }

    private Dictionary<string, string> Extras() => new()
    {
        ["Status"] = "Approved",
        ["OrganisationId"] = _other.OrganisationId.ToString(),
        ["ApprovedAmount"] = InjectedAmount.ToString(CultureInfo.InvariantCulture),
        ["AmountApproved"] = InjectedAmount.ToString(CultureInfo.InvariantCulture),
        ["Role"] = "Administrator",
        ["Roles"] = "Administrator",
        ["IsActive"] = "false",
        ["EmailConfirmed"] = "true",
        ["Version"] = "999",
        ["Id"] = _injectedId.ToString(),
        ["CallId"] = _other.CallId.ToString(),
        ["ApplicationId"] = _other.ApplicationId.ToString(),
        ["UserId"] = _other.MemberId.ToString(),
        ["Reference"] = Marker,
        ["LockoutEnd"] = "2099-01-01T00:00:00Z",
        ["LockoutEnabled"] = "false",
        ["AccessFailedCount"] = "0",
        ["SecurityStamp"] = Marker,
        ["PasswordHash"] = Marker,
        ["ConcurrencyStamp"] = Marker,
        ["Sha256"] = Marker,
        ["StoredFileKey"] = _injectedId.ToString(),
        ["UploadedBy"] = Marker,
        ["SubmittedAtUtc"] = "2000-01-01T00:00:00Z",
        ["CreatedAtUtc"] = "2000-01-01T00:00:00Z",
        ["StatusReason"] = Marker,
        ["Application.Status"] = "Approved",
        ["Organisation.Status"] = "Verified",
        ["Header.Editable"] = "true",
    };

    private Task<ProtectedState> ProtectedStateAsync() => _app.WithDbAsync(async db =>
    {
        var applications = await db.Applications.AsNoTracking().Select(a => new { a.Id, a.OrganisationId, a.CallId, a.Reference, a.Status }).ToListAsync();
        var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Status, o.StatusReason }).ToListAsync();
        var attachments = await db.Attachments.AsNoTracking().Select(a => new { a.Id, a.OrganisationId, a.ApplicationId, a.UploadedBy, a.Sha256 }).ToListAsync();
        var questions = await db.ClarificationQuestions.AsNoTracking().Select(q => new { q.Id, q.OrganisationId, q.CallId }).ToListAsync();
        var users = await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.OrganisationId, u.EmailConfirmed, u.IsActive, u.LockoutEnd, u.SecurityStamp, u.PasswordHash }).ToListAsync();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync();
        var callIds = await db.Calls.AsNoTracking().Select(c => c.Id).ToListAsync();
        return new ProtectedState(
            applications.ToDictionary(a => a.Id, a => $"org={a.OrganisationId} call={a.CallId}"),
            applications.ToDictionary(a => a.Id, a => a.Status.ToString()),
            organisations.ToDictionary(o => o.Id, o => $"{o.Status} {o.StatusReason}"),
            attachments.ToDictionary(a => a.Id, a => $"org={a.OrganisationId} app={a.ApplicationId} by={a.UploadedBy} sha={a.Sha256}"),
            questions.ToDictionary(q => q.Id, q => $"org={q.OrganisationId} call={q.CallId}"),
            users.ToDictionary(u => u.Id, u => $"{u.Email} org={u.OrganisationId} confirmed={u.EmailConfirmed} lockout={u.LockoutEnd}"),
            users.ToDictionary(u => u.Id, u => u.IsActive),
            users.ToDictionary(u => u.Id, u => $"{u.SecurityStamp} {u.PasswordHash}"),
            roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => string.Join(',', g.Select(r => r.Name).Order(StringComparer.Ordinal))),
            [.. applications.Select(a => a.Id), .. organisations.Select(o => o.Id), .. attachments.Select(a => a.Id), .. questions.Select(q => q.Id), .. users.Select(u => u.Id), .. callIds],
            [.. applications.Select(a => a.Reference)]);
    });

    private List<string> Compare(DiscoveredForm form, ProtectedState before, ProtectedState after)
    {
        var problems = new List<string>();
        void Same<T>(string what, Dictionary<Guid, T> was, Dictionary<Guid, T> now)
        {
            foreach (var (id, value) in was)
            {
                if (now.TryGetValue(id, out var changed) && !EqualityComparer<T>.Default.Equals(value, changed))
                {
                    problems.Add($"{form}: {what} {id} changed from '{value}' to '{changed}'");
                }
            }
        }

        // Ownership, references, identity flags and roles never change through a form's extra fields;
        // the forms that legitimately change them send them as their own fields (and then they are not extras).
        Same("application owner/call", before.ApplicationOwners, after.ApplicationOwners);
        Same("attachment", before.Attachments, after.Attachments);
        Same("question owner", before.Questions, after.Questions);
        Same("user", before.Users, after.Users);
        Same("roles of user", before.Roles, after.Roles);
        if (!form.Action.StartsWith("/Manage/Organisations/", StringComparison.OrdinalIgnoreCase))
        {
            Same("organisation status", before.Organisations, after.Organisations);
        }

        if (!form.Action.Contains("/Deactivate", StringComparison.OrdinalIgnoreCase) && !form.Action.Contains("/Reactivate", StringComparison.OrdinalIgnoreCase))
        {
            Same("user active flag", before.Active, after.Active);
        }

        if (after.Secrets.Values.Any(s => s.Contains(Marker, StringComparison.Ordinal)))
        {
            problems.Add($"{form}: a security stamp or password hash was set from the form");
        }

        foreach (var (id, status) in after.ApplicationStatuses)
        {
            if (status == "Approved" && before.ApplicationStatuses.GetValueOrDefault(id) != "Approved")
            {
                problems.Add($"{form}: application {id} became Approved");
            }
        }

        if (after.References.Contains(Marker))
        {
            problems.Add($"{form}: an application reference was set from the form");
        }

        if (after.AllIds.Contains(_injectedId))
        {
            problems.Add($"{form}: a record was created with the posted Id");
        }

        return problems;
    }

    private sealed record ProtectedState(
        Dictionary<Guid, string> ApplicationOwners,
        Dictionary<Guid, string> ApplicationStatuses,
        Dictionary<Guid, string> Organisations,
        Dictionary<Guid, string> Attachments,
        Dictionary<Guid, string> Questions,
        Dictionary<Guid, string> Users,
        Dictionary<Guid, bool> Active,
        Dictionary<Guid, string> Secrets,
        Dictionary<Guid, string> Roles,
        HashSet<Guid> AllIds,
        HashSet<string?> References);
}
