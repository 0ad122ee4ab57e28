namespace TrustFund.Domain.Places;

/// <summary>
/// The countries and areas of the UN M49 standard that have an ISO 3166-1 alpha-3 code, for pick
/// lists and validation. A view over <see cref="UnM49"/>: one source of place data.
/// </summary>
public static class Countries
{
    private static readonly Lazy<IReadOnlyList<Country>> List = new(() =>
        UnM49.Countries.Select(p => new Country(p.Iso3!, p.Name)).ToList());

    /// <summary>Every country or area, in English alphabetical order.</summary>
    public static IReadOnlyList<Country> All => List.Value;

    /// <summary>Whether <paramref name="code"/> is the alpha-3 code of a listed country or area (any case).</summary>
    public static bool IsKnown(string? code) => UnM49.IsCountry(code?.Trim());

    /// <summary>The English name of the country with <paramref name="code"/>, or the code itself when it is not listed.</summary>
    public static string NameOf(string? code) =>
        UnM49.CountryByIso3(code?.Trim())?.Name ?? code ?? string.Empty;

    /// <summary>The name in a UN language (two-letter code), falling back to English, then to the code.</summary>
    public static string NameOf(string? code, string language) =>
        UnM49.CountryByIso3(code?.Trim())?.NameIn(language) ?? code ?? string.Empty;
}
