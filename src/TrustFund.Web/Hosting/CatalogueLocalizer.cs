using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Every localizer of the application (views' <c>IViewLocalizer</c>, <c>IHtmlLocalizer</c>,
/// <c>IStringLocalizer&lt;T&gt;</c> for any T) reads the one catalogue: this factory ignores the type or
/// view asking and always answers with the catalogue's localizer.
/// </summary>
public sealed class CatalogueLocalizerFactory : IStringLocalizerFactory
{
    private readonly CatalogueLocalizer _localizer = new();

    public IStringLocalizer Create(Type resourceSource) => _localizer;

    public IStringLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>The catalogue (<see cref="Catalogue"/>) in the current UI culture; a key without a translation is its English text (<see cref="Catalogue.English"/>).</summary>
public sealed class CatalogueLocalizer : IStringLocalizer
{
    public LocalizedString this[string name] =>
        Catalogue.Find(name, CultureInfo.CurrentUICulture) is { } text
            ? new LocalizedString(name, text, resourceNotFound: false)
            : new LocalizedString(name, Catalogue.English(name), resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var text = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, text.Value, CatalogueHtmlLocalizer.Isolated(arguments)), text.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}
