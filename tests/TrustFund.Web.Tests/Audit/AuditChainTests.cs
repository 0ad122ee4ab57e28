using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Audit;
using TrustFund.Infrastructure.Audit;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Audit;

/// <summary>Each test gets its own app: one tampers with the chain, the other floods it with writers.</summary>
public sealed class AuditChainTests
{
    [Test]
    public async Task Verify_TamperedSummary_NamesTheExactBrokenEntry()
    {
        using var app = await new TrustFundApp().StartAsync();
        using var admin = await app.SignInAsync("admin@trustfund.test");
        var last = await AuditEntries.WriteAsync(app, new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc), new RecordedActor("olga.admin@trustfund.test", "203.0.113.10"), "grant.approved", "Grant approved", "Grant", "G-1", count: 9);
        var target = last - 4;
        const string Update = "UPDATE \"AuditEntries\" SET \"Summary\" = {0} WHERE \"Sequence\" = {1}";

        var refused = Assert.ThrowsAsync<SqliteException>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Update, "Grant approved for someone else", target)));
        Assert.That(refused!.Message, Does.Contain("Audit entries are append-only"), "the trigger guards the table until it is dropped");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEntries_no_update\""));
        var changed = await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(Update, "Grant approved for someone else", target));
        Assert.That(changed, Is.EqualTo(1));

        var response = await admin.PostFormAsync("/Admin/Audit", "/Admin/Audit/Verify", []);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var page = await TestSession.ParseAsync(response);
        Assert.That(page.QuerySelector("h1")?.TextContent, Is.EqualTo($"Chain broken at entry #{target}"));
        Assert.That(page.QuerySelector("[data-broken-entry]")?.GetAttribute("href"), Is.EqualTo($"/Admin/Audit/{target}"));
        Assert.That(page.QuerySelector("[role=alert]")?.TextContent, Does.Contain($"The {target - 1} entries before it are intact."));
        var recorded = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == AuditActions.ChainVerified).SingleAsync());
        Assert.That(recorded.Summary, Does.StartWith($"Chain broken at entry #{target} "));

        var (_, entry) = await admin.GetPageAsync($"/Admin/Audit/{target}");
        var (_, next) = await admin.GetPageAsync($"/Admin/Audit/{target + 1}");
        Assert.That(entry.QuerySelector("[data-entry-broken]")?.TextContent, Does.Contain("no longer matches its hash"));
        Assert.That(next.QuerySelector("[data-entry-intact]"), Is.Not.Null, "the next entry still links to the stored hash");
    }

    [Test]
    public async Task Chain_ConcurrentSignInsAndWriters_StaysIntactWithoutGaps()
    {
        using var app = await new TrustFundApp().StartAsync();
        var before = await app.WithDbAsync(db => db.AuditEntries.LongCountAsync());
        var failing = Enumerable.Range(0, 20).Select(_ => app.NewSession()).ToList();
        var succeeding = DemoData.Users.Select(_ => app.NewSession()).ToList();
        var failingTokens = await Task.WhenAll(failing.Select(s => s.AntiforgeryTokenAsync("/Account/Login")));
        var succeedingTokens = await Task.WhenAll(succeeding.Select(s => s.AntiforgeryTokenAsync("/Account/Login")));

        var failedSignIns = failing.Select((s, i) => SignInAsync(s, $"nobody{i}@example.org", "not the password at all", failingTokens[i]));
        var signIns = succeeding.Select((s, i) => SignInAsync(s, DemoData.Users[i].Email, DemoData.Password, succeedingTokens[i]));
        var writers = Enumerable.Range(0, 20).Select(async i =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IAuditTrail>().RecordNowAsync("test.concurrent-writer", $"Concurrent writer {i}");
        });
        var responses = await Task.WhenAll(failedSignIns.Concat(signIns));
        await Task.WhenAll(writers);

        Assert.That(responses.Take(20).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK), "failed sign-ins show the form again");
        Assert.That(responses.Skip(20).Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.Redirect), "correct sign-ins succeed");
        var sequences = await app.WithDbAsync(db => db.AuditEntries.OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync());
        var expectedCount = before + 20 + DemoData.Users.Count + 20;
        Assert.That(sequences, Is.EqualTo(Enumerable.Range(1, (int)expectedCount).Select(i => (long)i)), "one entry per write, numbered without gaps");
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(CancellationToken.None);
        Assert.That(report.IsIntact, Is.True, $"chain broken at {report.FirstBrokenSequence}");
        Assert.That(report.EntriesVerified, Is.EqualTo(expectedCount));

        foreach (var session in failing.Concat(succeeding))
        {
            session.Dispose();
        }
    }

    private static Task<HttpResponseMessage> SignInAsync(TestSession session, string email, string password, string token) =>
        session.Client.PostAsync(
            new Uri("/Account/Login", UriKind.Relative),
            new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]));
}
