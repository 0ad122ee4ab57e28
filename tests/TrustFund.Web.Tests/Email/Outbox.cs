using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Tests.Email;

/// <summary>Queues messages the way the app does: through IEmailOutbox, written by the next save.</summary>
public static class Outbox
{
    public static async Task EnqueueAsync(IServiceProvider services, params EmailMessage[] messages)
    {
        await using var scope = services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IEmailOutbox>();
        foreach (var message in messages)
        {
            outbox.Enqueue(message);
        }

        await scope.ServiceProvider.GetRequiredService<TrustFundDbContext>().SaveChangesAsync();
    }
}
