using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using TrustFund.Application.Accounts;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Finds every post form the app shows to anyone (no list to maintain), including forms that appear
/// only for records in other states and the targets of <c>formaction</c> buttons, and sends every
/// hostile payload into every field of every form: never a server error, never a payload echoed as
/// markup, and a refusal changes nothing.
/// </summary>
public sealed class HostileFormTests
{
    private TrustFundApp _app = null!;
    private FormCrawler _crawler = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        var samples = await HostileData.SamplesAsync(_app);
        _crawler = new FormCrawler(_app, samples);
        await HostileData.ReachOtherStatesAsync(_app, _crawler);
    }

    [OneTimeTearDown]
    public void StopApp()
    {
        _crawler.Dispose();
        _app.Dispose();
    }

    [Test]
    public void Payloads_AreEnough()
    {
        Assert.Multiple(() =>
        {
            Assert.That(HostilePayloads.XssCount, Is.GreaterThanOrEqualTo(50));
            Assert.That(HostilePayloads.SqlCount, Is.GreaterThanOrEqualTo(50));
            Assert.That(HostilePayloads.EdgeCount, Is.GreaterThanOrEqualTo(10));
            Assert.That(HostilePayloads.All.Select(p => p.Marker).OfType<string>(), Is.Unique);
        });
    }

    /// <summary>
    /// One post per form and payload, with the payload in every field that takes text or a choice at
    /// once (the other fields as the page gave them); forms with no such field are posted once as shown,
    /// except those that sign the user out or change their two-factor sign-in.
    /// </summary>
    [Test]
    [CancelAfter(600_000)]
    public async Task EveryForm_EveryPayloadInEveryField_NoServerErrorNoMarkupAndRefusalsChangeNothing()
    {
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        void CheckPage(string where, IHtmlDocument page)
        {
            foreach (var planted in FormCrawler.PlantedByPayloads(page))
            {
                failures.Add($"{where}: payload markup in the page: {planted}");
            }
        }

        var forms = await _crawler.DiscoverAsync((identity, url, page) => CheckPage($"{identity} GET {url}", page));
        var payloads = HostilePayloads.All;
        var injectable = forms.Where(f => f.Injectable.Count > 0).ToList();
        var received = injectable.SelectMany(f => f.Injectable.Select(name => (Form: f.ToString(), Field: name))).Distinct().ToDictionary(k => k, _ => new HashSet<string>(StringComparer.Ordinal));
        var posts = 0;
        var refusalsChecked = 0;
        var hashes = 0;
        var answers = forms.ToDictionary(f => f, _ => new SortedDictionary<int, int>());

        // Hashing the database after every post would dominate the run: SQLite's data_version says
        // whether anything was written since the last hash. Failed sign-in codes count towards lockout
        // (that bookkeeping is left out of the hash; the signing-in account is unlocked after each post).
        var version = await _crawler.DataVersionAsync();
        var fingerprint = await FormCrawler.FingerprintAsync(_app, ignoreSignInFailures: true);
        async Task<string> FingerprintNowAsync()
        {
            var now = await _crawler.DataVersionAsync();
            if (now != version)
            {
                version = now;
                fingerprint = await FormCrawler.FingerprintAsync(_app, ignoreSignInFailures: true);
                hashes++;
            }

            return fingerprint;
        }

        async Task PostAsync(DiscoveredForm form, List<KeyValuePair<string, byte[]>> fields, ISet<string> raw, string what)
        {
            var before = await FingerprintNowAsync();
            using var response = await _crawler.PostAsync(form, fields, rawFields: raw);
            posts++;
            var status = (int)response.StatusCode;
            answers[form][status] = answers[form].GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                failures.Add($"{what}: {status}; the server's last error: {(_app.ServerErrors is [.., var last] ? last : "none logged")}");
            }

            IHtmlDocument? page = null;
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                page = TestSession.Parse(await response.Content.ReadAsStringAsync());
                CheckPage(what, page);
            }

            var refused = status is >= 400 and < 500
                || (status == 200 && page is not null && TestAccounts.ErrorSummary(page).Length > 0);
            if (refused)
            {
                refusalsChecked++;
                if (await FingerprintNowAsync() != before)
                {
                    failures.Add($"{what}: refused ({status}) but the database changed");
                }
            }

            if (form.Identity == FormCrawler.SigningIn)
            {
                await _crawler.UnlockSigningInAsync();
            }

            if (TestSession.IsRedirectTo(response, "/Account/Login") && form.Identity != FormCrawler.Anonymous)
            {
                await _crawler.RenewAsync(form.Identity);
            }
            else if (response.Headers.Location is { IsAbsoluteUri: false } location && status is >= 300 and < 400)
            {
                var (next, nextPage) = await (await _crawler.SessionAsync(form.Identity)).GetPageAsync(location.OriginalString);
                if ((int)next.StatusCode >= 500)
                {
                    failures.Add($"{what}: the page it redirects to ({location}) answers {(int)next.StatusCode}");
                }

                CheckPage($"{what} then GET {location}", nextPage);
            }
        }

        foreach (var form in forms)
        {
            var names = form.Injectable;
            if (names.Count == 0)
            {
                if (!FormCrawler.ChangesTheSignIn(form))
                {
                    await PostAsync(form, form.Original(), new HashSet<string>(), $"{form} as shown");
                }

                continue;
            }

            var all = names.ToHashSet();
            foreach (var payload in payloads)
            {
                var fields = form.Original(all);
                fields.AddRange(names.Select(name => new KeyValuePair<string, byte[]>(name, payload.Bytes)));
                await PostAsync(form, fields, payload.Raw ? all : new HashSet<string>(), $"{form} with {payload.Name} in {string.Join(", ", names)}");
                foreach (var name in names)
                {
                    received[(form.ToString(), name)].Add(payload.Name);
                }
            }
        }

        // Everything stored by the posts above must come back escaped on every page, for everyone.
        foreach (var (identity, _) in FormCrawler.Identities)
        {
            await _crawler.RenewAsync(identity);
            var session = await _crawler.SessionAsync(identity);
            foreach (var url in _crawler.PagesOf(identity))
            {
                var response = await session.GetAsync(url);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{identity} GET {url} after the hostile posts: {(int)response.StatusCode}");
                }
                else if (response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    CheckPage($"{identity} GET {url} after the hostile posts", TestSession.Parse(await response.Content.ReadAsStringAsync()));
                }
            }
        }

        await TestContext.Out.WriteLineAsync(
            $"Hostile input: {forms.Count} forms found ({injectable.Count} with fields to fill, {received.Count} fields) on {_crawler.Pages.Count} pages; "
            + $"{payloads.Count} payloads ({HostilePayloads.XssCount} XSS, {HostilePayloads.SqlCount} SQL injection, {HostilePayloads.EdgeCount} edge cases), each in every field; "
            + $"{posts} posts, {refusalsChecked} refusals checked against the database (hashed {hashes} times); {watch.Elapsed.TotalSeconds:F0} s");
        foreach (var form in forms)
        {
            await TestContext.Out.WriteLineAsync($"  {form} [{string.Join(", ", form.Injectable)}]: {string.Join(", ", answers[form].Select(a => $"{a.Value}×{a.Key}"))}");
        }

        var cached = await FingerprintNowAsync();
        Assert.That(cached, Is.EqualTo(await FormCrawler.FingerprintAsync(_app, ignoreSignInFailures: true)), "data_version noticed every write: the last hash is the database as it is");

        string[] otherStates = ["/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Reactivate", "/Publish", "/Verify", "/Reject", "/Suspend"];
        Assert.Multiple(() =>
        {
            Assert.That(forms.Select(f => f.Action).Distinct().Count(), Is.GreaterThanOrEqualTo(25), "forms discovered");
            Assert.That(otherStates.Where(a => !forms.Any(f => f.Action.EndsWith(a, StringComparison.Ordinal))), Is.Empty, "forms of records in other states and of formaction buttons");
            Assert.That(forms.Where(f => f.Action.EndsWith("/Reject", StringComparison.Ordinal) || f.Action.EndsWith("/Suspend", StringComparison.Ordinal)).Select(f => f.Identity).Distinct(), Is.EquivalentTo(new[] { Roles.FundManager, Roles.Administrator }));
            Assert.That(received.Where(r => r.Value.Count != payloads.Count).Select(r => $"{r.Key.Form} {r.Key.Field}: {r.Value.Count}"), Is.Empty, "every field received every payload");
            Assert.That(posts, Is.GreaterThanOrEqualTo(injectable.Count * payloads.Count));
            Assert.That(failures, Is.Empty, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        });
    }
}
