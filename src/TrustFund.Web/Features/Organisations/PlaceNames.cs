using System.Globalization;
using TrustFund.Domain.Places;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Country and region names in the reader's language.</summary>
public static class PlaceNames
{
    public static string Country(string? iso3) =>
        UnM49.CountryByIso3(iso3)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? iso3 ?? string.Empty;

    public static string Area(string code) =>
        UnM49.ByCode(code)?.NameIn(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName) ?? code;

    /// <summary>Countries sorted by their name in the reader's language.</summary>
    public static IReadOnlyList<(string Iso3, string Name)> Countries() =>
        UnM49.Countries.Select(c => (c.Iso3!, Country(c.Iso3))).OrderBy(c => c.Item2, StringComparer.Create(CultureInfo.CurrentCulture, CompareOptions.None)).ToList();
}
