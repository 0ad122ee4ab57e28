using System.Diagnostics;
using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Npgsql;
using TrustFund.ScaleOut.Tests.Infrastructure;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.ScaleOut.Tests;

/// <summary>
/// Two app instances on one PostgreSQL database, with Redis, behind HAProxy: what a person does through one
/// instance holds through the other. The tests run in order on one cluster; the last one kills instance A.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class TwoInstancesTests
{
    private const string Password = "TrustFund-demo-2026";
    private const string StaffKey = "TRUSTFUNDDEMOSTAFFAUTHENTICATOR2";

    private Cluster _cluster = null!;
    private Browser? _manager;
    private Stopwatch _clock = null!;

    private Uri A => _cluster.A.Address;

    private Uri B => _cluster.B.Address;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _clock = Stopwatch.StartNew();
        _cluster = await Cluster.StartAsync();
        TestContext.Progress.WriteLine($"Scale-out cluster ready in {_cluster.StartTime.TotalSeconds:0.0} s (publish, database, Redis, SMTP, two instances, HAProxy).");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _manager?.Dispose();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        TestContext.Progress.WriteLine($"Scale-out suite: {_clock.Elapsed.TotalSeconds:0.0} s in all.");
    }

    [TearDown]
    public void ShowOutputOnFailure()
    {
        if (TestContext.CurrentContext.Result.Outcome.Status == NUnit.Framework.Interfaces.TestStatus.Failed)
        {
            TestContext.Out.WriteLine(_cluster.Output());
        }
    }

    [Test]
    [Order(1)]
    public async Task A_person_signs_in_through_one_instance_and_goes_on_through_the_other_with_two_factor_sign_in()
    {
        _manager = await SignInAcrossAsync("manager@trustfund.test", staff: true);

        // Signed in on both: the authentication cookie issued by B is read by A and the other way round.
        foreach (var site in new[] { A, B })
        {
            var page = await _manager.OkPageAsync(site, "/Manage/Applications");
            Assert.That(page.QuerySelector("[data-status-counts]"), Is.Not.Null, $"the fund manager's applications list on {site}");
        }

        // A form read from B is accepted by A: sign out with B's antiforgery token through A.
        using var other = await SignInAcrossAsync("finance@trustfund.test", staff: true);
        var home = await other.OkPageAsync(B, "/");
        var signOut = await other.SubmitAsync(A, Browser.Form(home, "/Account/Logout"), []);
        Assert.That(Browser.IsRedirect(signOut), Is.True, $"sign-out through A with B's token answered {(int)signOut.StatusCode}");
        var after = await other.GetAsync(B, "/Account/Sessions");
        Assert.That(Browser.IsRedirect(after, "/Account/Login"), Is.True, "signed out on B too (the session ends on the server)");
    }

    [Test]
    [Order(2)]
    public async Task A_save_through_one_instance_shows_at_once_on_the_other_and_a_stale_edit_through_it_is_refused()
    {
        var manager = _manager ?? await SignInAcrossAsync("manager@trustfund.test", staff: true);
        var (grant, listPath) = await ActiveGrantAsync(manager);
        var grantPath = $"/Grants/{grant}";

        // Both instances have read (and kept) the grant page and the grants list.
        foreach (var site in new[] { A, B })
        {
            Assert.That(StatusOn(await manager.OkPageAsync(site, grantPath)), Is.EqualTo("Active"));
            Assert.That(RowOf(await manager.OkPageAsync(site, listPath), grant), Does.Contain("Active"));
        }

        var staleOnB = await manager.OkPageAsync(B, grantPath);

        // Suspended, then resumed, through A: B shows each on the very next request, on the grant page and the list.
        await ChangeStatusAsync(manager, A, grant, "Suspend", "through instance A");
        Assert.That(StatusOn(await manager.OkPageAsync(B, grantPath)), Is.EqualTo("Suspended"), "B's grant page after A's save");
        Assert.That(RowOf(await manager.OkPageAsync(B, listPath), grant), Does.Contain("Suspended"), "B's grants list after A's save");
        await ChangeStatusAsync(manager, A, grant, "Resume", "through instance A");
        Assert.That(StatusOn(await manager.OkPageAsync(B, grantPath)), Is.EqualTo("Active"), "B's grant page after A's second save");
        Assert.That(RowOf(await manager.OkPageAsync(B, listPath), grant), Does.Contain("Active"), "B's grants list after A's second save");

        // B's page was read before A's saves: its form is refused, and nothing changes.
        var stale = await manager.SubmitAsync(B, Browser.Form(staleOnB, $"/Grants/{grant}/Suspend"), new() { ["Reason"] = "Stale form from instance B" });
        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"the stale edit is refused with the page shown again ({stale.Headers.Location})");
        var refusal = Browser.Parse(await stale.Content.ReadAsStringAsync()).Body!.TextContent;
        Assert.That(refusal, Does.Contain("after you opened this page"), "the refusal explains the stale edit");
        Assert.That(StatusOn(await manager.OkPageAsync(A, grantPath)), Is.EqualTo("Active"), "the stale suspension was not saved");

        // And the other way: suspended through B, A shows it at once.
        await ChangeStatusAsync(manager, B, grant, "Suspend", "through instance B");
        Assert.That(StatusOn(await manager.OkPageAsync(A, grantPath)), Is.EqualTo("Suspended"), "A's grant page after B's save");
        Assert.That(RowOf(await manager.OkPageAsync(A, listPath), grant), Does.Contain("Suspended"), "A's grants list after B's save");
        await ChangeStatusAsync(manager, B, grant, "Resume", "through instance B");
        Assert.That(StatusOn(await manager.OkPageAsync(A, grantPath)), Is.EqualTo("Active"), "A's grant page after B's second save");
    }

    [Test]
    [Order(3)]
    public async Task Counts_and_the_application_detail_kept_by_one_instance_change_at_once_after_a_save_through_the_other()
    {
        var manager = _manager ?? await SignInAcrossAsync("manager@trustfund.test", staff: true);
        using var applicant = await SignInAcrossAsync("applicant@trustfund.test", staff: false);
        var mine = await applicant.OkPageAsync(A, "/Applications");
        var submitted = mine.QuerySelectorAll("[data-applications] li")
            .Where(li => li.QuerySelector("[data-status]")?.GetAttribute("data-status") is "Submitted" or "Eligible" or "UnderReview")
            .Select(li => li.QuerySelector("a[href^='/Applications/']")?.GetAttribute("href"))
            .FirstOrDefault(href => href is not null)
            ?? throw new AssertionException("The demo data should give applicant@ an application before decision.");

        var countsOnA = Counts(await manager.OkPageAsync(A, "/Manage/Applications"));
        var countsOnB = Counts(await manager.OkPageAsync(B, "/Manage/Applications"));
        Assert.That(countsOnB, Is.EqualTo(countsOnA), "both instances count alike before the change");

        // Withdrawn through B.
        var withdraw = await applicant.OkPageAsync(B, $"{submitted}/Withdraw");
        var withdrawn = await applicant.SubmitAsync(B, Browser.Form(withdraw, $"{submitted}/Withdraw"), new() { ["Reason"] = "Withdrawn through instance B" });
        Assert.That(Browser.IsRedirect(withdrawn), Is.True, $"withdrawal through B answered {(int)withdrawn.StatusCode}");

        // A's counts (kept per filter) move on the next request, and its detail shows the new status.
        var after = Counts(await manager.OkPageAsync(A, "/Manage/Applications"));
        Assert.That(after.GetValueOrDefault("Withdrawn"), Is.EqualTo(countsOnA.GetValueOrDefault("Withdrawn") + 1), "A counts the withdrawal made through B");
        Assert.That(after["All"], Is.EqualTo(countsOnA["All"]));
        var detail = await applicant.OkPageAsync(A, submitted);
        Assert.That(detail.QuerySelector("[data-status]")?.GetAttribute("data-status"), Is.EqualTo("Withdrawn"), "A's application page after B's save");
    }

    [Test]
    [Order(4)]
    public async Task Sign_in_limits_and_lockout_hold_across_instances()
    {
        // Per account: attempts alternate between A and B (from two addresses, each under the per-client limit).
        var account = $"nobody-{Guid.NewGuid():N}@trustfund.test";
        using var toA = new Browser(IPAddress.Parse("127.0.0.4"));
        using var toB = new Browser(IPAddress.Parse("127.0.0.5"));
        var formA = Browser.Form(await toA.OkPageAsync(A, "/Account/Login"), "/Account/Login");
        var formB = Browser.Form(await toB.OkPageAsync(B, "/Account/Login"), "/Account/Login");
        var allowed = 0;
        var attempts = (Cluster.SignInPerAccount * 2) + 4;
        for (var i = 0; i < attempts; i++)
        {
            var response = i % 2 == 0
                ? await toA.SubmitAsync(A, formA, new() { ["Email"] = account, ["Password"] = "not-the-password-1" })
                : await toB.SubmitAsync(B, formB, new() { ["Email"] = account, ["Password"] = "not-the-password-1" });
            allowed += response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
        }

        Assert.That(allowed, Is.EqualTo(Cluster.SignInPerAccount), $"of {attempts} attempts on one account spread over both instances, only the per-account limit is let through");

        // Per client, through the load balancer (which forwards the client's address): a different account each time.
        using var client = new Browser(IPAddress.Parse("127.0.0.6"));
        var before = await SessionsPerServerAsync();
        var form = Browser.Form(await client.OkPageAsync(_cluster.Balancer, "/Account/Login"), "/Account/Login");
        allowed = 0;
        attempts = Cluster.SignInPerClient + 10;
        for (var i = 0; i < attempts; i++)
        {
            var response = await client.SubmitAsync(_cluster.Balancer, form, new() { ["Email"] = $"spray-{i}-{Guid.NewGuid():N}@trustfund.test", ["Password"] = "not-the-password-1" });
            allowed += response.StatusCode == HttpStatusCode.TooManyRequests ? 0 : 1;
        }

        var spread = await SessionsPerServerAsync();
        Assert.Multiple(() =>
        {
            Assert.That(allowed, Is.EqualTo(Cluster.SignInPerClient), $"of {attempts} attempts from one client through HAProxy, only the per-client limit is let through");
            Assert.That(spread.A - before.A, Is.GreaterThanOrEqualTo(attempts / 3), "HAProxy sent a share of the attempts to A");
            Assert.That(spread.B - before.B, Is.GreaterThanOrEqualTo(attempts / 3), "HAProxy sent a share of the attempts to B");
        });

        // Lockout: five failures alternating between A and B lock the account on both.
        using var person = new Browser(IPAddress.Parse("127.0.0.7"));
        var loginA = Browser.Form(await person.OkPageAsync(A, "/Account/Login"), "/Account/Login");
        for (var i = 0; i < 5; i++)
        {
            var response = await person.SubmitAsync(i % 2 == 0 ? A : B, loginA, new() { ["Email"] = "reviewer2@trustfund.test", ["Password"] = "not-the-password-1" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), $"failed attempt {i + 1}");
        }

        foreach (var site in new[] { A, B })
        {
            var response = await person.SubmitAsync(site, loginA, new() { ["Email"] = "reviewer2@trustfund.test", ["Password"] = Password });
            Assert.That(Browser.IsRedirect(response), Is.False, $"the right password on {site} after the lockout");
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("locked for 15 minutes"), $"{site} says the account is locked");
        }
    }

    [Test]
    [Order(5)]
    public async Task With_a_dispatcher_in_each_instance_every_outbox_message_is_sent_exactly_once()
    {
        var manager = _manager ?? await SignInAcrossAsync("manager@trustfund.test", staff: true);
        // A grant of applicant@'s organisation, so that each change of its status is emailed to a member.
        using var applicant = await SignInAcrossAsync("applicant@trustfund.test", staff: false);
        var own = (await applicant.OkPageAsync(B, "/Grants")).QuerySelectorAll("tr[data-grant]").Select(r => Guid.Parse(r.GetAttribute("data-grant")!)).ToList();
        var grant = Guid.Empty;
        foreach (var id in own)
        {
            if (StatusOn(await manager.OkPageAsync(A, $"/Grants/{id}")) == "Active")
            {
                grant = id;
                break;
            }
        }

        Assert.That(grant, Is.Not.EqualTo(Guid.Empty), "The demo data should give applicant@'s organisation an active grant.");
        var before = await ScalarAsync("SELECT count(*) FROM \"OutboxMessages\"");

        // Twenty emails in a burst, through the load balancer: each suspension and resumption tells the organisation.
        const int toggles = 20;
        for (var i = 0; i < toggles; i++)
        {
            await ChangeStatusAsync(manager, _cluster.Balancer, grant, i % 2 == 0 ? "Suspend" : "Resume", $"in the outbox burst ({i})");
        }

        var clock = Stopwatch.StartNew();
        long unsent;
        do
        {
            await Task.Delay(500);
            unsent = await ScalarAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAtUtc\" IS NULL AND \"FailedAtUtc\" IS NULL");
        }
        while (unsent > 0 && clock.Elapsed < TimeSpan.FromSeconds(60));

        // Both dispatchers poll every second: give a second sending (if there were one) time to arrive.
        await Task.Delay(TimeSpan.FromSeconds(3));
        var sent = await ScalarAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"SentAtUtc\" IS NOT NULL");
        var failed = await ScalarAsync("SELECT count(*) FROM \"OutboxMessages\" WHERE \"FailedAtUtc\" IS NOT NULL");
        var received = _cluster.Smtp.Received;
        var burst = received.Where(m => m.Message.TextBody?.Contains("in the outbox burst (", StringComparison.Ordinal) == true).ToList();
        var repeated = burst.GroupBy(m => (string.Join(",", m.EnvelopeTo), m.Message.TextBody)).Where(g => g.Count() > 1).Select(g => g.Key.TextBody).ToList();
        var togglesReceived = Enumerable.Range(0, toggles).Count(i => burst.Any(m => m.Message.TextBody!.Contains($"in the outbox burst ({i})", StringComparison.Ordinal)));
        TestContext.Progress.WriteLine($"Outbox: {sent} messages sent, {received.Count} received by the SMTP server, {burst.Count} from the burst.");
        Assert.Multiple(() =>
        {
            Assert.That(unsent, Is.Zero, "every message is sent");
            Assert.That(failed, Is.Zero, "no message failed");
            Assert.That(sent - before, Is.GreaterThanOrEqualTo(toggles), "the burst's messages are in the outbox");
            Assert.That(received, Has.Count.EqualTo(sent), "the SMTP server received each sent message once, no more");
            Assert.That(togglesReceived, Is.EqualTo(toggles), "each change of the burst was emailed");
            Assert.That(repeated, Is.Empty, "no recipient received a message twice");
        });
    }

    [Test]
    [Order(6)]
    public async Task When_an_instance_is_killed_during_submissions_the_other_takes_them_and_nothing_accepted_is_lost()
    {
        using var applicant = await SignInAcrossAsync("applicant@trustfund.test", staff: false);
        var call = await applicant.OkPageAsync(_cluster.Balancer, "/calls/ST");
        var form = Browser.Form(call, "/calls/ST/questions");
        var run = Guid.NewGuid().ToString("N")[..8];

        // Four clients ask questions through HAProxy for a while; A is killed partway.
        var accepted = new System.Collections.Concurrent.ConcurrentDictionary<Guid, string>();
        var refused = new System.Collections.Concurrent.ConcurrentBag<string>();
        var counter = 0;
        var stopAt = Stopwatch.StartNew();
        var load = Enumerable.Range(0, 4).Select(async _ =>
        {
            while (stopAt.Elapsed < TimeSpan.FromSeconds(8))
            {
                var text = $"Scale-out question {run}-{Interlocked.Increment(ref counter)}: may a shelter budget line cover rent?";
                try
                {
                    var response = await applicant.SubmitAsync(_cluster.Balancer, form, new() { ["Question"] = text });
                    if (Browser.IsRedirect(response, "/calls/ST/questions/")
                        && Guid.TryParse(response.Headers.Location!.OriginalString.Split('/')[^1], out var id))
                    {
                        accepted[id] = text;
                    }
                    else
                    {
                        refused.Add($"{(int)response.StatusCode}");
                    }
                }
                catch (HttpRequestException e)
                {
                    refused.Add(e.Message);
                }
            }
        }).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var acceptedBeforeKill = accepted.Count;
        await _cluster.A.KillAsync();
        await Task.WhenAll(load);

        Assert.That(_cluster.A.HasExited, Is.True, "A was killed");
        Assert.That(await _cluster.ServerStatusAsync("a"), Does.StartWith("DOWN"), "HAProxy took A out of the rotation");
        var acceptedAfterKill = accepted.Count - acceptedBeforeKill;
        TestContext.Progress.WriteLine($"Submissions: {accepted.Count} accepted ({acceptedBeforeKill} before the kill, {acceptedAfterKill} after), {refused.Count} refused or cut: {string.Join("; ", refused.GroupBy(r => r).Select(g => $"{g.Count()} × {g.Key}"))}.");
        Assert.That(acceptedBeforeKill, Is.GreaterThan(0), "questions were accepted before the kill");
        Assert.That(acceptedAfterKill, Is.GreaterThan(0), "B went on accepting questions after A was killed");

        // Every accepted question is in the database, whole, with its audit entry; none is stored without one.
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync();
        var stored = new Dictionary<Guid, string>();
        await using (var command = new NpgsqlCommand("SELECT \"Id\", \"Question\" FROM \"ClarificationQuestions\" WHERE \"Question\" LIKE @prefix", connection))
        {
            command.Parameters.AddWithValue("prefix", $"Scale-out question {run}-%");
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored[reader.GetGuid(0)] = reader.GetString(1);
            }
        }

        var audited = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var command = new NpgsqlCommand("SELECT \"EntityId\" FROM \"AuditEntries\" WHERE \"EntityType\" = 'ClarificationQuestion'", connection))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                audited.Add(reader.GetString(0));
            }
        }

        Assert.Multiple(() =>
        {
            foreach (var (id, text) in accepted)
            {
                Assert.That(stored.GetValueOrDefault(id), Is.EqualTo(text), $"accepted question {id} is stored whole");
            }

            Assert.That(stored.Keys.Where(id => !audited.Contains(id.ToString())), Is.Empty, "every stored question has its audit entry");
            Assert.That(stored.Count - accepted.Count, Is.LessThanOrEqualTo(refused.Count), "a stored question not reported as accepted can only be one whose answer was cut by the kill");
        });

        // Served by B alone now: the audit chain verifies from the first entry to the last.
        using var admin = await SignInAcrossAsync("admin@trustfund.test", staff: true, through: [_cluster.Balancer, _cluster.Balancer]);
        var audit = await admin.OkPageAsync(_cluster.Balancer, "/Admin/Audit");
        var verified = await admin.SubmitAsync(_cluster.Balancer, Browser.Form(audit, "/Admin/Audit/Verify"), []);
        Assert.That(verified.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var result = Browser.Parse(await verified.Content.ReadAsStringAsync());
        Assert.That(result.QuerySelector("[data-chain-intact]")?.GetAttribute("data-chain-intact"), Is.EqualTo("true"), result.Body?.TextContent);
    }

    /// <summary>
    /// Signs in as a browser would when a load balancer alternates: the sign-in page read from the first
    /// address, the form posted to the second; the two-factor page read from the first, its form posted to the second.
    /// </summary>
    private async Task<Browser> SignInAcrossAsync(string email, bool staff, Uri[]? through = null)
    {
        var (first, second) = through is [var f, var s] ? (f, s) : (A, B);
        var browser = new Browser();
        var login = await browser.OkPageAsync(first, "/Account/Login");
        var response = await browser.SubmitAsync(second, Browser.Form(login, "/Account/Login"), new() { ["Email"] = email, ["Password"] = Password });
        if (staff)
        {
            Assert.That(Browser.IsRedirect(response, "/Account/LoginWith2fa"), Is.True, $"{email}: the password step answered {(int)response.StatusCode} {response.Headers.Location}");
            var codePage = await browser.OkPageAsync(first, response.Headers.Location!.OriginalString);
            response = await browser.SubmitAsync(second, Browser.Form(codePage, "/Account/LoginWith2fa"), new() { ["Code"] = await Totp.UnusedNowAsync(email, StaffKey) });
        }

        Assert.That(Browser.IsRedirect(response) && !Browser.IsRedirect(response, "/Account/"), Is.True, $"{email}: signing in answered {(int)response.StatusCode} {response.Headers.Location}");
        return browser;
    }

    /// <summary>Suspends or resumes the grant with the form of a page read from <paramref name="site"/>, posted there.</summary>
    private static async Task ChangeStatusAsync(Browser manager, Uri site, Guid grant, string action, string how)
    {
        var page = await manager.OkPageAsync(site, $"/Grants/{grant}");
        var response = await manager.SubmitAsync(site, Browser.Form(page, $"/Grants/{grant}/{action}"), new() { ["Reason"] = $"{action} {how}" });
        Assert.That(Browser.IsRedirect(response, $"/Grants/{grant}"), Is.True, $"{action} {how} answered {(int)response.StatusCode}");
    }

    /// <summary>An active grant (its id) and the grants list's address.</summary>
    private async Task<(Guid Grant, string ListPath)> ActiveGrantAsync(Browser manager)
    {
        const string listPath = "/Manage/Grants";
        var list = await manager.OkPageAsync(A, listPath);
        foreach (var row in list.QuerySelectorAll("tr[data-grant]"))
        {
            var id = Guid.Parse(row.GetAttribute("data-grant")!);
            if (StatusOn(await manager.OkPageAsync(A, $"/Grants/{id}")) == "Active")
            {
                return (id, listPath);
            }
        }

        throw new AssertionException("The demo data should hold an active grant.");
    }

    private static string? StatusOn(IHtmlDocument grantPage) => grantPage.QuerySelector("dd[data-status]")?.GetAttribute("data-status");

    private static string RowOf(IHtmlDocument list, Guid grant) =>
        list.QuerySelector($"tr[data-grant='{grant}']")?.TextContent ?? throw new AssertionException($"Grant {grant} is not on the list.");

    private static Dictionary<string, int> Counts(IHtmlDocument list) =>
        list.QuerySelectorAll("[data-status-counts] [data-count]").ToDictionary(
            e => e.GetAttribute("data-count")!,
            e => int.Parse(e.TextContent.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture));

    private async Task<(long A, long B)> SessionsPerServerAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var csv = await http.GetStringAsync(new Uri(_cluster.Statistics, "stats;csv"));
        long Total(string server) => long.Parse(csv.Split('\n').First(l => l.StartsWith($"apps,{server},", StringComparison.Ordinal)).Split(',')[7], CultureInfo.InvariantCulture);
        return (Total("a"), Total("b"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
