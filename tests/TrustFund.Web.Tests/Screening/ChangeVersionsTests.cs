using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Infrastructure.Persistence.ReadModels;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>
/// The counters that cached read models are keyed by move before a save (so no reader caches old rows
/// under a newer counter), after it, and, for a save inside a transaction, when the transaction ends.
/// </summary>
public sealed class ChangeVersionsTests
{
    private TrustFundApp _app = null!;
    private ChangeVersions _versions = null!;

    [OneTimeSetUp]
    public async Task StartApp()
    {
        _app = await new TrustFundApp().StartAsync();
        _versions = _app.Services.GetRequiredService<ChangeVersions>();
    }

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SaveOutsideATransaction_MovesTheCounterBeforeAndAfter()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Counter Outside", "KEN");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await RenameAsync(db, organisation.Id, "Counter Outside Renamed");
        var before = _versions.Of<Organisation>();

        await db.SaveChangesAsync();

        Assert.That(_versions.Of<Organisation>(), Is.EqualTo(before + 2));
    }

    [Test]
    public async Task SaveInsideATransaction_MovesTheCounterAgainAtCommit()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Counter Commit", "KEN");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RenameAsync(db, organisation.Id, "Counter Commit Renamed");
        var before = _versions.Of<Organisation>();

        await db.SaveChangesAsync();
        var afterSave = _versions.Of<Organisation>();
        await transaction.CommitAsync();

        Assert.That(afterSave, Is.EqualTo(before + 1), "Until the commit, the change is not visible to other readers: moved once, before the save.");
        Assert.That(_versions.Of<Organisation>(), Is.EqualTo(before + 2), "The commit makes the change visible: moved again.");
    }

    [Test]
    public async Task SaveInsideATransaction_MovesTheCounterAgainAtRollback()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Counter Rollback", "KEN");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await RenameAsync(db, organisation.Id, "Counter Rollback Renamed");
        var before = _versions.Of<Organisation>();

        await db.SaveChangesAsync();
        await transaction.RollbackAsync();

        Assert.That(_versions.Of<Organisation>(), Is.EqualTo(before + 2));
    }

    [Test]
    public async Task SaveWithoutChanges_LeavesTheCounters()
    {
        var organisation = await FundData.OrganisationAsync(_app, "Counter Still", "KEN");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
        var before = _versions.Of<Organisation>();

        await db.SaveChangesAsync();

        Assert.That(_versions.Of<Organisation>(), Is.EqualTo(before));
    }

    private static async Task RenameAsync(TrustFundDbContext db, Guid organisationId, string name)
    {
        var saved = await db.Organisations.SingleAsync(o => o.Id == organisationId);
        saved.UpdateProfile(name, saved.CountryOfRegistration, saved.Profile, DateTime.UtcNow);
    }
}
