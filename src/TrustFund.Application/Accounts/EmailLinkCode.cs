using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace TrustFund.Application.Accounts;

/// <summary>An Identity token as it travels in an emailed link: Base64Url, so it survives any mail client.</summary>
public static class EmailLinkCode
{
    // Identity's tokens are a few hundred characters; anything much longer is not one of ours.
    private const int MaximumLength = 2048;

    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>Reads the token back; false when the code is missing, too long or not Base64Url.</summary>
    public static bool TryDecode(string? code, out string token)
    {
        token = string.Empty;
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaximumLength)
        {
            return false;
        }

        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code.Trim()));
            return token.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
