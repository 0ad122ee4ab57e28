using System.Net;
using AngleSharp.Html.Parser;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Benchmark;

public sealed class BenchmarkModeTests
{
    [TestCase("/bench/json")]
    [TestCase("/bench/fortunes")]
    public async Task BaselineEndpoint_BenchmarkModeOff_DoesNotExist(string path)
    {
        using var app = await new TrustFundApp().StartAsync();
        using var session = await app.SignInAsync("admin@trustfund.test");

        var response = await session.GetAsync(path);

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(response.Headers.Contains(SqlStatementsHeader.Name), Is.False);
        });
    }

    [Test]
    public async Task Json_BenchmarkModeOn_AnswersHelloWorldAnonymously()
    {
        using var app = await Enabled().StartAsync();
        using var session = app.NewSession();

        var response = await session.GetAsync("/bench/json");

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(await response.Content.ReadAsStringAsync(), Is.EqualTo("{\"message\":\"Hello, World!\"}"));
            Assert.That(response.Headers.GetValues(SqlStatementsHeader.Name).Single(), Is.EqualTo("0"));
        });
    }

    [Test]
    public async Task Fortunes_BenchmarkModeOn_ListsTheSortedEscapedRowsWithTheAddedOne()
    {
        using var app = await Enabled().StartAsync();
        using var session = app.NewSession();

        var response = await session.GetAsync("/bench/fortunes");
        var html = await response.Content.ReadAsStringAsync();
        var document = new HtmlParser().ParseDocument(html);
        var rows = document.QuerySelectorAll("tr").Skip(1).Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent).ToList()).ToList();
        var messages = rows.Select(r => r[1]).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(rows, Has.Count.EqualTo(13));
            Assert.That(rows, Has.Some.EqualTo(new List<string> { "0", Fortunes.AddedAtRequestTime }));
            Assert.That(messages, Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
            Assert.That(html, Does.Contain("&lt;script&gt;"));
            Assert.That(html, Does.Not.Contain("<script>"));
            Assert.That(response.Headers.GetValues(SqlStatementsHeader.Name).Single(), Is.EqualTo("1"));
        });
    }

    private static TrustFundApp Enabled() => new() { BenchmarkMode = true };
}
