using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Email;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Email;

public sealed class EmailDeliveryTests
{
    [Test]
    public async Task DispatchDue_SmtpConfigured_DeliversToTheServer()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        using var app = await new TrustFundApp(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:From"] = "TrustFund Secretariat <secretariat@trustfund.test>",
        }).StartAsync();
        await Outbox.EnqueueAsync(app.Services, new EmailMessage(
            "amina.haddad@safeharbour.example",
            "Votre demande a été reçue – Fundación Camino",
            "Dear Amina,\nYour application TF-2026-0042 was received.\n",
            "<p>Dear Amina,</p><p>Your application <strong>TF-2026-0042</strong> was received.</p>"));

        var sent = await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.That(sent, Is.EqualTo(1));
        Assert.That(smtp.Received, Has.Count.EqualTo(1));
        var received = smtp.Received.Single();
        Assert.That(received.EnvelopeTo, Is.EqualTo(new[] { "amina.haddad@safeharbour.example" }));
        Assert.That(received.EnvelopeFrom, Is.EqualTo("secretariat@trustfund.test"));
        var message = received.Message;
        Assert.That(message.To.Mailboxes.Select(m => m.Address), Is.EqualTo(new[] { "amina.haddad@safeharbour.example" }));
        Assert.That(message.From.Mailboxes.Single().Name, Is.EqualTo("TrustFund Secretariat"));
        Assert.That(message.Subject, Is.EqualTo("Votre demande a été reçue – Fundación Camino"));
        Assert.That(message.TextBody, Does.Contain("Your application TF-2026-0042 was received."));
        Assert.That(message.HtmlBody, Does.Contain("<strong>TF-2026-0042</strong>"));
        var row = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.That(row.SentAtUtc, Is.EqualTo(app.Clock.GetUtcNow().UtcDateTime));
        Assert.That(row.Attempts, Is.Zero);
        Assert.That(row.ClaimedBy, Is.Null);
    }

    [Test]
    public async Task DispatchDue_SmtpServerDown_KeepsTheMessageForLater()
    {
        int port;
        await using (var smtp = await TestSmtpServer.StartAsync())
        {
            port = smtp.Port;
        }

        using var app = await new TrustFundApp(new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
        }).StartAsync();
        await Outbox.EnqueueAsync(app.Services, new EmailMessage("someone@example.org", "Kept for later", "Body"));

        var sent = await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

        Assert.That(sent, Is.Zero);
        var row = await app.WithDbAsync(db => db.OutboxMessages.SingleAsync());
        Assert.That(row.SentAtUtc, Is.Null);
        Assert.That(row.Attempts, Is.EqualTo(1));
        Assert.That(row.LastError, Is.Not.Empty);
        Assert.That(row.NextAttemptAtUtc, Is.EqualTo(app.Clock.GetUtcNow().UtcDateTime + OutboxDispatcher.Backoff(1)));
    }

    [Test]
    public async Task DispatchDue_NoSmtpHost_WritesAnEmlFileToThePickupFolder()
    {
        using var app = await new TrustFundApp().StartAsync();
        await Outbox.EnqueueAsync(app.Services, new EmailMessage("mei.lin@trustfund.test", "Application assigned for review", "You have a new application to review: TF-2026-0007."));

        try
        {
            var sent = await app.Services.GetRequiredService<OutboxDispatcher>().DispatchDueAsync(CancellationToken.None);

            Assert.That(sent, Is.EqualTo(1));
            var files = Directory.GetFiles(app.PickupFolder, "*.eml");
            Assert.That(files, Has.Length.EqualTo(1));
            var message = await MimeMessage.LoadAsync(files[0]);
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("mei.lin@trustfund.test"));
            Assert.That(message.From.Mailboxes.Single().Address, Is.EqualTo("no-reply@trustfund.test"));
            Assert.That(message.Subject, Is.EqualTo("Application assigned for review"));
            Assert.That(message.TextBody, Does.Contain("TF-2026-0007"));
        }
        finally
        {
            if (Directory.Exists(app.PickupFolder))
            {
                Directory.Delete(app.PickupFolder, recursive: true);
            }
        }
    }
}
