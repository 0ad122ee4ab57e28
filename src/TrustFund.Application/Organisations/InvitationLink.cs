using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;

namespace TrustFund.Application.Organisations;

/// <summary>
/// The emailed link with which an invited colleague chooses a password: the same page and query
/// (<c>/Account/AcceptInvitation?userId=…&amp;code=…</c>, the Identity password-reset token in Base64Url)
/// as staff invitations. The site's public address (<c>PublicSite:BaseUrl</c>) is used when set, so
/// a forged Host header cannot redirect the link; otherwise the address the request came to.
/// </summary>
public static class InvitationLink
{
    public const string Path = "/Account/AcceptInvitation";

    public static string For(IConfiguration configuration, string requestAddress, Guid userId, string passwordResetToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(passwordResetToken));
        var pathAndQuery = string.Create(CultureInfo.InvariantCulture, $"{Path}?userId={userId:D}&code={Uri.EscapeDataString(code)}");
        var baseUrl = configuration["PublicSite:BaseUrl"];
        return (string.IsNullOrWhiteSpace(baseUrl) ? requestAddress : baseUrl).TrimEnd('/') + pathAndQuery;
    }
}
