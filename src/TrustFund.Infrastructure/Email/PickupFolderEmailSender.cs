using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TrustFund.Application.Email;

namespace TrustFund.Infrastructure.Email;

/// <summary>Writes each message as an .eml file, for development and machines without an SMTP server.</summary>
internal sealed class PickupFolderEmailSender : IEmailSender
{
    private readonly EmailOptions _options;
    private readonly string _folder;

    public PickupFolderEmailSender(IOptions<EmailOptions> options, IHostEnvironment environment)
    {
        _options = options.Value;
        _folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, _options.PickupFolder));
    }

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        var mime = MimeMessages.Build(message, _options.From);
        var file = Path.Combine(_folder, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await mime.WriteToAsync(file, cancellationToken);
    }
}
