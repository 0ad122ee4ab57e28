using System.Diagnostics;
using System.Net;
using AngleSharp.Html.Dom;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Security;

/// <summary>
/// Finds every post form the app shows to anyone (no list to maintain) and sends it every hostile
/// payload: never a server error, never a payload echoed as markup, and a refusal changes nothing.
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

    [Test]
    [CancelAfter(600_000)]
    public async Task EveryForm_EveryPayload_NoServerErrorNoMarkupAndRefusalsChangeNothing()
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
        var posts = 0;
        var refusalsChecked = 0;
        var fingerprint = await _crawler.FingerprintAsync();
        foreach (var form in injectable)
        {
            var names = form.Injectable;
            var rounds = (payloads.Count + names.Count - 1) / names.Count;
            for (var round = 0; round < rounds; round++)
            {
                var sent = new Dictionary<string, HostilePayload>();
                for (var i = 0; i < names.Count; i++)
                {
                    sent[names[i]] = payloads[((round * names.Count) + i) % payloads.Count];
                }

                var fields = form.Original(sent.Keys.ToHashSet());
                fields.AddRange(sent.Select(s => new KeyValuePair<string, byte[]>(s.Key, s.Value.Bytes)));
                var raw = sent.Where(s => s.Value.Raw).Select(s => s.Key).ToHashSet();
                var what = $"{form} with {string.Join(", ", sent.Select(s => $"{s.Key}={s.Value.Name}"))}";

                using var response = await _crawler.PostAsync(form, fields, rawFields: raw);
                posts++;
                var status = (int)response.StatusCode;
                var after = await _crawler.FingerprintAsync();
                if (status >= 500)
                {
                    failures.Add($"{what}: {status}");
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
                    if (after != fingerprint)
                    {
                        failures.Add($"{what}: refused ({status}) but the database changed");
                    }
                }

                fingerprint = after;
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
        }

        // Everything stored by the posts above must come back escaped on every page, for everyone.
        foreach (var (identity, _) in FormCrawler.Identities)
        {
            await _crawler.RenewAsync(identity);
            var session = await _crawler.SessionAsync(identity);
            foreach (var url in _crawler.GetPages())
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
            $"Hostile input: {forms.Count} forms found ({injectable.Count} with fields to fill, {forms.Sum(f => f.Injectable.Count)} fields) on {_crawler.Pages.Count} pages; "
            + $"{payloads.Count} payloads ({HostilePayloads.XssCount} XSS, {HostilePayloads.SqlCount} SQL injection, {HostilePayloads.EdgeCount} edge cases); "
            + $"{posts} posts, {refusalsChecked} refusals checked against the database; {watch.Elapsed.TotalSeconds:F0} s");
        foreach (var form in forms)
        {
            await TestContext.Out.WriteLineAsync($"  {form} [{string.Join(", ", form.Injectable)}]");
        }

        Assert.Multiple(() =>
        {
            Assert.That(forms.Select(f => f.Action).Distinct().Count(), Is.GreaterThanOrEqualTo(25), "forms discovered");
            Assert.That(posts, Is.GreaterThanOrEqualTo(injectable.Count * 20));
            Assert.That(failures, Is.Empty, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(60)));
        });
    }
}
