using System.Globalization;
using System.Net;
using TrustFund.Benchmarks.Baselines;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Benchmark;

/// <summary>
/// The main pages run at most 4 SQL statements besides the signed-in session's one read (the fund
/// manager's dashboard 8, one per figure it sums up), the same number with 5 or 50 applications (no N+1 queries).
/// </summary>
public sealed class StatementCountTests
{
    private const string Manager = "manager@trustfund.test";
    private const string Applicant = "applicant@trustfund.test";

    [TestCase("/Manage/Applications", Manager)]
    [TestCase("/Manage/Applications?Sort=amount&Dir=asc&Status=Submitted", Manager)]
    [TestCase("/Manage/Applications?Sort=organisation&Dir=asc", Manager)]
    [TestCase("/Manage/Applications/{first}", Manager)]
    [TestCase("/Manage/Applications/{first}?version=1", Manager)]
    [TestCase("/", Applicant)]
    [TestCase("/calls", null)]
    [TestCase("/", Manager, 8)]
    public async Task Page_FiveOrFiftyApplications_RunsTheSameNumberOfStatements(string path, string? account, int allowed = 4)
    {
        using var app = await new TrustFundApp { BenchmarkMode = true }.StartAsync();
        var organisationId = await FundData.DemoOrganisationIdAsync(app, Applicant);
        var calls = new List<Guid>();
        var applications = new List<Guid>();

        async Task GrowToAsync(int count)
        {
            while (applications.Count < count)
            {
                if (applications.Count % 10 == 0)
                {
                    calls.Add((await FundData.PublishedCallAsync(app, $"SC{calls.Count}")).Id);
                }

                var n = applications.Count;
                var content = FundData.Content($"Project {n}", 5_000m + (n * 100m));
                applications.Add((await FundData.ApplicationAsync(app, calls[^1], organisationId, content)).Id);
            }
        }

        await GrowToAsync(5);
        var url = path.Replace("{first}", applications[0].ToString(), StringComparison.Ordinal);
        using var session = account is null ? app.NewSession() : await app.SignInAsync(account);
        var few = await StatementsAsync(session, url);
        await GrowToAsync(50);
        var many = await StatementsAsync(session, url);

        Assert.That(many, Is.EqualTo(few), $"{url} ran {few} SQL statements with 5 applications and {many} with 50.");

        // A signed-in request reads its session (one statement, on any page); the page's own are counted apart.
        var sessionRead = await StatementsAsync(session, "/bench/json");
        Assert.That(sessionRead, Is.EqualTo(account is null ? 0 : 1), "statements of a request that only reads its session");
        Assert.That(many - sessionRead, Is.LessThanOrEqualTo(allowed), $"{url} ran {many} SQL statements, {sessionRead} of them reading the session; this page may run {allowed}.");
    }

    private static async Task<int> StatementsAsync(TestSession session, string url)
    {
        // The first request of a session may warm caches; the second shows the steady count.
        await session.GetAsync(url);
        var response = await session.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), url);
        return int.Parse(response.Headers.GetValues(SqlStatementsHeader.Name).Single(), CultureInfo.InvariantCulture);
    }
}
