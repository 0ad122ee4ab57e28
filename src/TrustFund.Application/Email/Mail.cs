using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace TrustFund.Application.Email;

/// <summary>
/// Writes emails from templates in each recipient's language and queues them in the outbox, in the
/// same unit of work as the change they tell about.
/// </summary>
public sealed class Mail
{
    private readonly IEmailOutbox _outbox;
    private readonly IStringLocalizer<Mail> _text;
    private readonly CultureInfo _defaultCulture;

    public Mail(IEmailOutbox outbox, IStringLocalizer<Mail> text, IOptions<RequestLocalizationOptions> localization)
    {
        _outbox = outbox;
        _text = text;
        _defaultCulture = localization.Value.DefaultRequestCulture.UICulture;
    }

    /// <summary>
    /// Queues <paramref name="template"/> to <paramref name="recipient"/>, with <paramref name="arguments"/>
    /// for its placeholders, each written in the recipient's language (see <see cref="EmailText.Written"/>)
    /// and, in a right-to-left language, isolated (see <see cref="EmailIsolation"/>).
    /// </summary>
    public void Send(EmailTemplate template, EmailRecipient recipient, params object?[] arguments)
    {
        var culture = EmailCulture.Of(recipient.Culture, _defaultCulture);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            var written = arguments.Select(a => EmailIsolation.Argument(a, EmailText.Written(a, _text, culture), culture)).ToArray();
            var subject = string.Format(culture, _text[template.Subject].Value, written);
            var body = string.Format(culture, _text[template.Body].Value, written);
            _outbox.Enqueue(new EmailMessage(recipient.Address, subject, body));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    /// <summary>Queues <paramref name="template"/> to each of <paramref name="recipients"/>.</summary>
    public void Send(EmailTemplate template, IEnumerable<EmailRecipient> recipients, params object?[] arguments)
    {
        foreach (var recipient in recipients)
        {
            Send(template, recipient, arguments);
        }
    }
}
