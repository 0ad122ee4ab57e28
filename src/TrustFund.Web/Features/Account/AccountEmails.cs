using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Email;
using TrustFund.Infrastructure;
using TrustFund.Infrastructure.Identity;
using TrustFund.Web.Features.Users;

namespace TrustFund.Web.Features.Account;

/// <summary>The emails of account flows, in plain text and HTML, with every name encoded.</summary>
public sealed class AccountEmails
{
    private readonly IStringLocalizer<AccountEmails> _text;
    private readonly AccountLinks _links;
    private readonly TimeProvider _clock;

    public AccountEmails(IStringLocalizer<AccountEmails> text, AccountLinks links, TimeProvider clock)
    {
        _text = text;
        _links = links;
        _clock = clock;
    }

    private static int LinkHours => (int)DependencyInjection.EmailLinkLifetime.TotalHours;

    public EmailMessage ConfirmEmail(TrustFundUser user, string link) => Message(
        user,
        _text["Confirm your email address for TrustFund"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["Thank you for registering your organisation with TrustFund. To confirm your email address, open this link:"], link),
        new(_text["The link works for {0} hours. If it has expired, ask for a new one here:", LinkHours], _links.ResendConfirmation()),
        new(_text["If you did not register, you can ignore this email."]));

    public EmailMessage ExistingAccountNotice(TrustFundUser user, string? confirmationLink)
    {
        var blocks = new List<Block>
        {
            new(_text["Hello {0},", user.DisplayName]),
            new(_text["Someone tried to register a new TrustFund account with this email address, {0}. You already have an account, so no new account was created.", user.Email ?? string.Empty]),
            new(_text["If it was you, sign in here:"], _links.SignIn()),
            new(_text["If you have forgotten your password, reset it here:"], _links.ForgotPassword()),
        };
        if (confirmationLink is not null)
        {
            blocks.Add(new(_text["Your email address is not confirmed yet. To confirm it, open this link within {0} hours:", LinkHours], confirmationLink));
        }

        blocks.Add(new(_text["If it was not you, you do not need to do anything: your account has not changed."]));
        return Message(user, _text["Someone tried to register with your email address"], [.. blocks]);
    }

    public EmailMessage ResetPassword(TrustFundUser user, string link) => Message(
        user,
        _text["Reset your TrustFund password"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["Someone asked to reset the password of your TrustFund account. To choose a new password, open this link:"], link),
        new(_text["The link works for {0} hours and only once.", LinkHours]),
        new(_text["If you did not ask for this, you can ignore this email: your password has not changed."]));

    public EmailMessage PasswordChanged(TrustFundUser user) => Message(
        user,
        _text["Your TrustFund password was changed"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["The password of your TrustFund account was changed on {0} (UTC). Your other sessions have been signed out.", _clock.GetUtcNow().ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture)]),
        new(_text["If you did not do this, reset your password now and tell the fund's Secretariat:"], _links.ForgotPassword()));

    public EmailMessage Invitation(TrustFundUser user, string invitedBy, IEnumerable<string> roles, string link) => Message(
        user,
        _text["You are invited to TrustFund"],
        new(_text["Hello {0},", user.DisplayName]),
        new(_text["{0} has invited you to TrustFund, the grant system of the UN Voluntary Trust Fund for Victims of Trafficking in Persons, as: {1}.", invitedBy, string.Join(", ", roles.Select(r => _text[RoleNames.Display(r)].Value))]),
        new(_text["To accept, choose your password here:"], link),
        new(_text["The link works for {0} hours. If it has expired, ask an administrator to send you a new invitation.", LinkHours]));

    private static EmailMessage Message(TrustFundUser user, string subject, params Block[] blocks)
    {
        var text = new StringBuilder();
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5\">");
        var encoder = HtmlEncoder.Default;
        foreach (var block in blocks)
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
        return new EmailMessage(user.Email!, subject, text.ToString().TrimEnd() + Environment.NewLine, html.ToString());
    }

    private sealed record Block(string Text, string? Link = null);
}
