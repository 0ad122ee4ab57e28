using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Demo;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>The demo call under review: assignments in every state and a ranking with a disagreement flag.</summary>
public sealed class DemoReviewsTests
{
    [Test]
    public async Task SeedReviews_PutsTheClosedCallUnderReviewOnce_AndTheRankingFlagsTheDisagreement()
    {
        using var app = await new TrustFundApp().StartAsync();

        await DemoData.SeedReviewsAsync(app.Services);
        await DemoData.SeedReviewsAsync(app.Services);

        var call = await app.WithDbAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Code == DemoData.ReviewCallCode));
        var applications = await app.WithDbAsync(db => db.Applications.AsNoTracking().Where(a => a.CallId == call.Id).ToListAsync());
        var reviewer = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "reviewer@trustfund.test").Select(u => u.Id).SingleAsync());
        var states = await app.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().Where(a => a.ReviewerId == reviewer).Select(a => a.Status).ToListAsync());
        var nigeria = applications.Single(a => a.Title.StartsWith("Shelter and legal aid", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(applications, Has.Count.EqualTo(5));
            Assert.That(states.Order(), Is.EqualTo(new[] { AssignmentStatus.Pending, AssignmentStatus.Draft, AssignmentStatus.Submitted, AssignmentStatus.Submitted, AssignmentStatus.Recused }.Order()));
            Assert.That(applications.Count(a => a.Status == ApplicationStatus.Reviewed), Is.EqualTo(2));
            Assert.That(applications.Count(a => a.Status == ApplicationStatus.UnderReview), Is.EqualTo(3));
            Assert.That(call.RubricLockedAtUtc, Is.Not.Null);
        });

        using var manager = await app.SignInAsync("manager@trustfund.test");
        var (_, page) = await manager.GetPageAsync($"/Manage/Calls/{call.Id}/Ranking");
        var row = page.QuerySelector($"tr[data-application='{nigeria.Id}']");
        Assert.Multiple(() =>
        {
            Assert.That(row?.QuerySelector("[data-flag='spread']"), Is.Not.Null, "80 against 40 reaches the 25-point threshold");
            Assert.That(row?.QuerySelector("[data-flag='fund-and-reject']"), Is.Not.Null);
            Assert.That(row?.QuerySelector("[data-raw]")?.TextContent, Is.EqualTo("60.0"));
            Assert.That(page.QuerySelectorAll("tr[data-rank]").Count(r => r.GetAttribute("data-rank") is { Length: > 0 }), Is.EqualTo(3), "Nigeria, Jordan and Peru have submitted reviews");
        });
    }
}
