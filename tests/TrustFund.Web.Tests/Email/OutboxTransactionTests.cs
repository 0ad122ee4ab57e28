using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Email;

public sealed class OutboxTransactionTests
{
    private TrustFundApp _app = null!;

    [OneTimeSetUp]
    public async Task StartApp() => _app = await new TrustFundApp().StartAsync();

    [OneTimeTearDown]
    public void StopApp() => _app.Dispose();

    [Test]
    public async Task SaveChanges_ConcurrencyConflict_LeavesNoOutboxRowAndNoAudit()
    {
        var organisationId = await RegisterOrganisationAsync("Casa de Acogida Luz");
        await using var stale = _app.Services.CreateAsyncScope();
        var staleDb = stale.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var staleCopy = await staleDb.Organisations.SingleAsync(o => o.Id == organisationId);
        await using (var other = _app.Services.CreateAsyncScope())
        {
            var db = other.ServiceProvider.GetRequiredService<TrustFundDbContext>();
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.Reject("Registration documents are missing.", Now());
            await db.SaveChangesAsync();
        }

        staleCopy.Verify(Now());
        stale.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage("director@casaluz.example", "Your organisation is verified", "Body"));
        var auditBefore = await AuditCountAsync(organisationId);

        Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => staleDb.SaveChangesAsync());

        var outbox = await _app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.Subject == "Your organisation is verified"));
        Assert.That(outbox, Is.Zero, "the email of a change that was not saved is not queued");
        Assert.That(await AuditCountAsync(organisationId), Is.EqualTo(auditBefore), "nor is its audit entry written");
        var status = await _app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Status).SingleAsync());
        Assert.That(status, Is.EqualTo(OrganisationStatus.Rejected), "the other writer's change stands");
    }

    [Test]
    public async Task SaveChanges_Succeeds_WritesOutboxRowWithTheChange()
    {
        var organisationId = await RegisterOrganisationAsync("Red de Apoyo Norte");
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);

        organisation.Verify(Now());
        scope.ServiceProvider.GetRequiredService<IEmailOutbox>().Enqueue(new EmailMessage("director@rednorte.example", "Red de Apoyo Norte is verified", "Body"));
        await db.SaveChangesAsync();

        var row = await _app.WithDbAsync(d => d.OutboxMessages.SingleAsync(m => m.Subject == "Red de Apoyo Norte is verified"));
        Assert.That(row.To, Is.EqualTo("director@rednorte.example"));
        Assert.That(row.SentAtUtc, Is.Null);
        Assert.That(row.NextAttemptAtUtc, Is.EqualTo(Now()), "due at once");
    }

    private DateTime Now() => _app.Clock.GetUtcNow().UtcDateTime;

    private async Task<Guid> RegisterOrganisationAsync(string name)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var organisation = Organisation.Register(name, "MEX", Now());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    }

    private Task<int> AuditCountAsync(Guid organisationId) =>
        _app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.EntityId == organisationId.ToString() && e.Action == AuditActions.EntityChanged));
}
