using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrustFund.Web.Features.Organisations;

/// <summary>
/// The emailed link with which an invited colleague chooses a password: the same page and query
/// (<c>/Account/AcceptInvitation?userId=…&amp;code=…</c>, the Identity password-reset token in Base64Url)
/// as staff invitations.
/// </summary>
public static class InvitationLinks
{
    public const string Path = "/Account/AcceptInvitation";

    public static string For(HttpRequest request, Guid userId, string passwordResetToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(passwordResetToken));
        return string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}{Path}?userId={userId:D}&code={Uri.EscapeDataString(code)}");
    }
}
