using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using TrustFund.Application.Email;

namespace TrustFund.Infrastructure.Email;

/// <summary>Sends through an SMTP server with MailKit.</summary>
internal sealed class SmtpEmailSender : IEmailSender
{
    private readonly EmailOptions _options;

    public SmtpEmailSender(IOptions<EmailOptions> options)
    {
        _options = options.Value;
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var smtp = _options.Smtp;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        await client.SendAsync(MimeMessages.Build(message, _options.From), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
