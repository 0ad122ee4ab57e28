using TrustFund.Application.Email;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Email;

internal sealed class EmailOutbox : IEmailOutbox
{
    private readonly TrustFundDbContext _db;
    private readonly TimeProvider _clock;

    public EmailOutbox(TrustFundDbContext db, TimeProvider clock)
    {
        _db = db;
        _clock = clock;
    }

    public void Enqueue(EmailMessage message)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        _db.OutboxMessages.Add(new OutboxMessage
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
        });
    }
}
