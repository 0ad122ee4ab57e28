using System.Text;
using QRCoder;

namespace TrustFund.Web.Features.TwoFactor;

/// <summary>The enrolment QR code: an otpauth:// address drawn as a PNG on the server (no script, no CDN).</summary>
public static class AuthenticatorQrCode
{
    public const string Issuer = "TrustFund";

    /// <summary>The key URI format authenticator apps read (issuer, account, base32 secret, 6 digits, 30 s).</summary>
    public static string Uri(string email, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(Issuer)}:{System.Uri.EscapeDataString(email)}" +
        $"?secret={key}&issuer={System.Uri.EscapeDataString(Issuer)}&digits=6&period=30";

    /// <summary>A data: URI of the PNG (the CSP allows data: images and nothing inline that runs).</summary>
    public static string PngDataUri(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }

    /// <summary>The key in groups of four for typing into an app by hand.</summary>
    public static string Readable(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0)
            {
                text.Append(' ');
            }

            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return text.ToString().ToLowerInvariant();
    }
}
