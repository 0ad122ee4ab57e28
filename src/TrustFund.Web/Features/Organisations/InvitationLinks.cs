using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrustFund.Web.Features.Organisations;

/// <summary>
/// The emailed link with which an invited colleague chooses a password: the same page and query
/// (<c>/Account/AcceptInvitation?userId=…&amp;code=…</c>, the Identity password-reset token in Base64Url)
/// as staff invitations. The site's public address (<c>PublicSite:BaseUrl</c>) is used when set, so
/// a forged Host header cannot redirect the link.
/// </summary>
public static class InvitationLinks
{
    public const string Path = "/Account/AcceptInvitation";

    public static string For(HttpRequest request, IConfiguration configuration, Guid userId, string passwordResetToken)
    {
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(passwordResetToken));
        var pathAndQuery = string.Create(CultureInfo.InvariantCulture, $"{Path}?userId={userId:D}&code={Uri.EscapeDataString(code)}");
        var baseUrl = configuration["PublicSite:BaseUrl"];
        return string.IsNullOrWhiteSpace(baseUrl)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}{pathAndQuery}"
            : baseUrl.TrimEnd('/') + pathAndQuery;
    }
}
