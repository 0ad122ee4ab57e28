using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Email;

namespace TrustFund.Application.Accounts;

/// <summary>
/// The emails of account flows (their English text is the localization key), in plain text and HTML
/// with every name encoded, queued in the outbox in the same unit of work as the change they tell about.
/// Each is written in the language the account chose; without a choice, in the language of the page
/// the account's owner was using for the flows they start themselves (registering, resetting or
/// changing a password), and in the fund's default language for an invitation sent without a language
/// (the language an inviter picks is kept on the account as its choice). Dates, lists and fallback texts
/// are written in that same language.
/// </summary>
public sealed class AccountEmails
{
    private readonly IStringLocalizer<AccountEmails> _text;
    private readonly IAccountLinks _links;
    private readonly IEmailOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly int _linkHours;
    private readonly CultureInfo _defaultCulture;

    public AccountEmails(IStringLocalizer<AccountEmails> text, IAccountLinks links, IEmailOutbox outbox, TimeProvider clock, IOptions<DataProtectionTokenProviderOptions> tokens, IOptions<RequestLocalizationOptions> localization)
    {
        _text = text;
        _links = links;
        _outbox = outbox;
        _clock = clock;
        _linkHours = (int)tokens.Value.TokenLifespan.TotalHours;
        _defaultCulture = localization.Value.DefaultRequestCulture.UICulture;
    }

    /// <summary>Queues the link that confirms a new account's email address.</summary>
    public void ConfirmEmail(TrustFundUser user, string token) => Queue(user, CultureInfo.CurrentUICulture, _ => new(
        _text["Confirm your email address for TrustFund"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["Thank you for registering your organisation with TrustFund. To confirm your email address, open this link:"], _links.ConfirmEmail(user.Id, token)),
        new(_text["The link works for {0} hours. If it has expired, ask for a new one here:", _linkHours], _links.ResendConfirmation()),
        new(_text["If you did not register, you can ignore this email."])));

    /// <summary>Tells the owner of an address that someone tried to register with it (with a confirmation link when <paramref name="confirmationToken"/> is given).</summary>
    public void ExistingAccountNotice(TrustFundUser user, string? confirmationToken) => Queue(user, CultureInfo.CurrentUICulture, _ =>
    {
        var blocks = new List<Block>
        {
            new(_text["Hello {0},", user.DisplayName]),
            new(_text["Someone tried to register a new TrustFund account with this email address, {0}. You already have an account, so no new account was created.", user.Email ?? string.Empty]),
            new(_text["If it was you, sign in here:"], _links.SignIn()),
            new(_text["If you have forgotten your password, reset it here:"], _links.ForgotPassword()),
        };
        if (confirmationToken is not null)
        {
            blocks.Add(new(_text["Your email address is not confirmed yet. To confirm it, open this link within {0} hours:", _linkHours], _links.ConfirmEmail(user.Id, confirmationToken)));
        }

        blocks.Add(new(_text["If it was not you, you do not need to do anything: your account has not changed."]));
        return new(_text["Someone tried to register with your email address"], [.. blocks]);
    });

    /// <summary>Queues the link to choose a new password.</summary>
    public void ResetPassword(TrustFundUser user, string token) => Queue(user, CultureInfo.CurrentUICulture, _ => new(
        _text["Reset your TrustFund password"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["Someone asked to reset the password of your TrustFund account. To choose a new password, open this link:"], _links.ResetPassword(user.Id, token)),
        new(_text["The link works for {0} hours and only once.", _linkHours]),
        new(_text["If you did not ask for this, you can ignore this email: your password has not changed."])));

    /// <summary>Tells the user their password was changed (by them, or by someone who should not have).</summary>
    public void PasswordChanged(TrustFundUser user) => Queue(user, CultureInfo.CurrentUICulture, culture => new(
        _text["Your TrustFund password was changed"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["The password of your TrustFund account was changed on {0} (UTC). Your other sessions have been signed out.", _clock.GetUtcNow().UtcDateTime.ToString("d MMMM yyyy HH:mm", culture)]),
        new(_text["If you did not do this, reset your password now and tell the fund's Secretariat:"], _links.ForgotPassword())));

    /// <summary>Invites a member of the Secretariat to choose their password; <paramref name="invitedBy"/> null: an unnamed administrator.</summary>
    public void Invitation(TrustFundUser user, string? invitedBy, IEnumerable<string> roles, string token) => Queue(user, _defaultCulture, culture => new(
        _text["You are invited to TrustFund"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["{0} has invited you to TrustFund, the grant system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons, as: {1}.", invitedBy ?? _text["A TrustFund administrator"].Value, EmailList.Join([.. roles.Select(r => _text[RoleNames.Display(r)].Value)], culture)]),
        new(_text["To accept, choose your password here:"], _links.AcceptInvitation(user.Id, token)),
        new(_text["The link works for {0} hours. If it has expired, ask an administrator to send you a new invitation.", _linkHours])));

    // Writes the email in the account's language, else in the fallback's.
    private void Queue(TrustFundUser user, CultureInfo fallback, Func<CultureInfo, Written> write)
    {
        var culture = EmailCulture.Of(user.PreferredCulture, fallback);
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Written email;
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            email = write(culture);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }

        var text = new StringBuilder();
        var html = new StringBuilder($"<!DOCTYPE html><html lang=\"{culture.TwoLetterISOLanguageName}\" dir=\"{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}\"><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5\">");
        var encoder = HtmlEncoder.Default;
        foreach (var block in email.Blocks)
        {
            text.AppendLine(block.Text);
            html.Append("<p>").Append(encoder.Encode(block.Text));
            if (block.Link is not null)
            {
                text.AppendLine(block.Link);
                html.Append("<br><a href=\"").Append(encoder.Encode(block.Link)).Append("\">").Append(encoder.Encode(block.Link)).Append("</a>");
            }

            text.AppendLine();
            html.Append("</p>");
        }

        html.Append("</body></html>");
        _outbox.Enqueue(new EmailMessage(user.Email!, email.Subject, text.ToString().TrimEnd() + Environment.NewLine, html.ToString()));
    }

    private sealed record Written(string Subject, params Block[] Blocks);

    private sealed record Block(string Text, string? Link = null);
}
