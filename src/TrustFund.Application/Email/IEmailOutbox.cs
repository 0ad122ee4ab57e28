namespace TrustFund.Application.Email;

/// <summary>
/// Queues email in the outbox table. The message is written with the next save, in the same
/// transaction as the change that caused it, and sent later by the dispatcher.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}
