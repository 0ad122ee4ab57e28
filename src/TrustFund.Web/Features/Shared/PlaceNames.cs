using System.Collections.Concurrent;
using System.Globalization;
using TrustFund.Domain.Places;

namespace TrustFund.Web.Features.Shared;

/// <summary>Country and region names in the reader's language.</summary>
public static class PlaceNames
{
    public static string Country(string? iso3) =>
        UnM49.CountryByIso3(iso3)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? iso3 ?? string.Empty;

    /// <summary>
    /// A region's name from the catalogue (the M49 data names regions in English only), or a
    /// country's name from the M49 data in the reader's language.
    /// </summary>
    public static string Area(string code) => UnM49.ByCode(code) switch
    {
        null => code,
        { Iso3: null } region => Hosting.Catalogue.Text(region.Name),
        var country => country.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName),
    };

    // Sorting names with the culture's collation costs milliseconds; the lists never change, so each
    // language sorts them once.
    private static readonly ConcurrentDictionary<(string UiCulture, string Culture), IReadOnlyList<(string, string)>> SortedCountries = new();
    private static readonly ConcurrentDictionary<(string UiCulture, string Culture), IReadOnlyList<(string, string)>> SortedRegions = new();

    /// <summary>Countries sorted by their name in the reader's language.</summary>
    public static IReadOnlyList<(string Iso3, string Name)> Countries() =>
        SortedCountries.GetOrAdd(
            (CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name),
            _ => UnM49.Countries.Select(c => (c.Iso3!, Country(c.Iso3))).OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.None)).ToList());

    /// <summary>The UN M49 regions sorted by their name in the reader's language.</summary>
    public static IReadOnlyList<(string Code, string Name)> Regions() =>
        SortedRegions.GetOrAdd(
            (CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name),
            _ => UnM49.Regions.Select(r => (r.Code, Area(r.Code))).OrderBy(r => r.Item2, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.None)).ToList());
}
