using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;

namespace TrustFund.Web.Hosting;

/// <summary>The views' localizer (<c>IViewLocalizer</c> and <c>IHtmlLocalizer</c>) over the one catalogue.</summary>
public sealed class CatalogueHtmlLocalizerFactory(IStringLocalizerFactory text) : IHtmlLocalizerFactory
{
    private readonly CatalogueHtmlLocalizer _localizer = new(text.Create(typeof(SharedResource)));

    public IHtmlLocalizer Create(Type resourceSource) => _localizer;

    public IHtmlLocalizer Create(string baseName, string location) => _localizer;
}

/// <summary>
/// Translates from the catalogue and, on a right-to-left page, isolates each text put into a sentence
/// (a reference such as UNVTF-2026-ST-0001, an amount "USD 1,234.50", a name) so that it keeps its own
/// direction inside Arabic text, as <c>&lt;bdi&gt;</c> would.
/// </summary>
public sealed class CatalogueHtmlLocalizer(IStringLocalizer text) : IHtmlLocalizer
{
    public LocalizedHtmlString this[string name] => Html(text[name]);

    public LocalizedHtmlString this[string name, params object[] arguments] => Html(text[name], Isolated(arguments));

    public LocalizedString GetString(string name) => text[name];

    public LocalizedString GetString(string name, params object[] arguments) => text[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => text.GetAllStrings(includeParentCultures);

    /// <summary>
    /// On a right-to-left page, each text argument and each date or time (a call's deadline with its zone) between
    /// first-strong-isolate and pop-directional-isolate marks; numbers are left as they are, and every argument keeps
    /// its format.
    /// </summary>
    public static object[] Isolated(object[] arguments) =>
        CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft
            ? [.. arguments.Select(a => a switch
            {
                string s when s.Length > 0 => "\u2068" + s + "\u2069",
                ZonedInstant or DateTime or DateTimeOffset or DateOnly => new IsolatedValue((IFormattable)a),
                _ => a,
            })]
            : arguments;

    private static LocalizedHtmlString Html(LocalizedString text, params object[] arguments) =>
        new(text.Name, text.Value, text.ResourceNotFound, arguments);

    /// <summary>A date or time formatted as the sentence asks, then isolated.</summary>
    private sealed class IsolatedValue(IFormattable value) : IFormattable
    {
        public string ToString(string? format, IFormatProvider? formatProvider) => "\u2068" + value.ToString(format, formatProvider) + "\u2069";

        public override string ToString() => ToString(null, CultureInfo.CurrentCulture);
    }
}
