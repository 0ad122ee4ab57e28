namespace TrustFund.Application.Email;

/// <summary>Delivers one message (SMTP, or a pickup folder when no SMTP server is configured).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
