using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Domain.Grants;
using TrustFund.Infrastructure.Persistence.ReadModels;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Payments;

/// <summary>
/// Reads kept in memory (the grant page, the grants list, the payments queue) are read once while nothing
/// they were read from changes, read again after a save of any part of the aggregate named (an instalment
/// of a grant, not only the grant's row), not kept when the read fails, and not lost for the other readers
/// when one reader gives up.
/// </summary>
public sealed class KeptReadsTests
{
    private TrustFundApp _app = null!;
    private KeptReads _kept = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _kept = _app.Services.GetRequiredService<KeptReads>();
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public void AggregateOf_Grant_IsTheGrantWithItsInstalmentsLedgerAndAmendments()
    {
        Assert.That(_kept.AggregateOf(typeof(Grant)), Is.EquivalentTo(new[] { typeof(Grant), typeof(Instalment), typeof(LedgerEntry), typeof(GrantAmendment) }));
    }

    [Test]
    public async Task GetAsync_NothingSavedBetween_ReadsOnce()
    {
        var key = $"test:{Guid.NewGuid():N}";
        var reads = 0;

        var first = await _kept.GetAsync(key, [typeof(Grant)], async (db, token) => { Interlocked.Increment(ref reads); return (await db.Grants.CountAsync(token)).ToString(System.Globalization.CultureInfo.InvariantCulture); }, CancellationToken.None);
        var second = await _kept.GetAsync<string>(key, [typeof(Grant)], (_, _) => { Interlocked.Increment(ref reads); return Task.FromResult("read again"); }, CancellationToken.None);

        Assert.That(reads, Is.EqualTo(1));
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task GetAsync_AfterAnInstalmentIsPutOnHold_ReadsAgainAndSeesIt()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Kept Reads Shelter");
        var grant = await PaymentWebData.ActiveGrantAsync(_app, organisation.Id, "KEPT");
        var key = $"test:{Guid.NewGuid():N}";
        var reads = 0;
        Task<string> OnHoldAsync() => _kept.GetAsync(
            key,
            [typeof(Grant)],
            async (db, token) =>
            {
                Interlocked.Increment(ref reads);
                var held = await db.Grants.AsNoTracking().Where(g => g.Id == grant.Id).SelectMany(g => g.Instalments).CountAsync(i => i.Status == InstalmentStatus.OnHold, token);
                return $"on hold: {held}";
            },
            CancellationToken.None);

        var before = await OnHoldAsync();
        await _app.WithDbAsync(async db =>
        {
            var tracked = await db.Grants.SingleAsync(g => g.Id == grant.Id);
            tracked.PutInstalmentOnHold(tracked.Instalments[1].Id, "The bank returned the transfer.", "finance@trustfund.test");
            return await db.SaveChangesAsync();
        });
        var after = await OnHoldAsync();

        Assert.That(before, Is.EqualTo("on hold: 0"));
        Assert.That(after, Is.EqualTo("on hold: 1"));
        Assert.That(reads, Is.EqualTo(2));
    }

    [Test]
    public async Task GetAsync_ReadFails_IsNotKept()
    {
        var key = $"test:{Guid.NewGuid():N}";

        Assert.ThrowsAsync<InvalidOperationException>(() => _kept.GetAsync<string>(key, [typeof(Grant)], (_, _) => throw new InvalidOperationException("The database went away."), CancellationToken.None));
        var retried = await _kept.GetAsync(key, [typeof(Grant)], (_, _) => Task.FromResult("read"), CancellationToken.None);

        Assert.That(retried, Is.EqualTo("read"));
    }

    [Test]
    public async Task GetAsync_FirstReaderGivesUp_TheOthersStillGetTheValueFromTheSameRead()
    {
        var key = $"test:{Guid.NewGuid():N}";
        var release = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reads = 0;
        using var givesUp = new CancellationTokenSource();

        var first = _kept.GetAsync(key, [typeof(Grant)], (_, _) => { Interlocked.Increment(ref reads); return release.Task; }, givesUp.Token);
        var second = _kept.GetAsync(key, [typeof(Grant)], (_, _) => { Interlocked.Increment(ref reads); return Task.FromResult("a second read"); }, CancellationToken.None);
        await givesUp.CancelAsync();
        release.SetResult("the shared read");

        Assert.ThrowsAsync<TaskCanceledException>(() => first);
        Assert.That(await second, Is.EqualTo("the shared read"));
        Assert.That(reads, Is.EqualTo(1));
    }
}
