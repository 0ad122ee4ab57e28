using System.Text.RegularExpressions;

namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>
/// A short description of a browser and its system ("Firefox, Windows") from a User-Agent header, for
/// people to recognise their sessions. Only known names are kept, or the first product token of an
/// unknown client (letters, digits and . _ / - only); never the raw header.
/// </summary>
public static partial class DeviceDescription
{
    private static readonly (string Marker, string Name)[] Browsers =
    [
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("OPR/", "Opera"),
        ("SamsungBrowser/", "Samsung Internet"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chromium/", "Chromium"),
        ("Chrome/", "Chrome"),
        ("Safari/", "Safari"),
    ];

    private static readonly (string Marker, string Name)[] Systems =
    [
        ("Windows", "Windows"),
        ("iPhone", "iOS"),
        ("iPad", "iPadOS"),
        ("Android", "Android"),
        ("CrOS", "ChromeOS"),
        ("Macintosh", "macOS"),
        ("Mac OS X", "macOS"),
        ("Linux", "Linux"),
    ];

    /// <summary>The description, at most <see cref="SignInSession.DeviceMaxLength"/> characters; empty when nothing is recognisable.</summary>
    public static string Of(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return string.Empty;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Marker, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Marker, StringComparison.Ordinal)).Name;
        if (browser is null)
        {
            var product = FirstProduct().Match(userAgent);
            browser = product.Success && !product.Value.StartsWith("Mozilla/", StringComparison.Ordinal) ? product.Value : null;
        }

        var description = (browser, system) switch
        {
            (not null, not null) => $"{browser}, {system}",
            (not null, null) => browser,
            (null, not null) => system,
            _ => string.Empty,
        };
        return description.Length <= SignInSession.DeviceMaxLength ? description : description[..SignInSession.DeviceMaxLength];
    }

    [GeneratedRegex(@"\A[A-Za-z0-9._\-]{1,40}(/[A-Za-z0-9._\-]{1,20})?(?=\s|\z)")]
    private static partial Regex FirstProduct();
}
