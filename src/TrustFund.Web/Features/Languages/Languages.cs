using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Languages;

/// <summary>The languages a person can choose, each named in itself.</summary>
public static class Languages
{
    /// <summary>The cultures offered when <c>Localization:Cultures</c> does not say.</summary>
    public static readonly string[] Default = ["en", "fr", "es", "ar"];

    /// <summary>"Français" for fr: a language's name as its speakers write it.</summary>
    public static string NameOf(CultureInfo culture) => Catalogue.IsPseudo(culture) ? "[Ƥšéüðö ··]" : culture.Name switch
    {
        "en" => "English",
        "fr" => "Français",
        "es" => "Español",
        "ar" => "العربية",
        _ => culture.TextInfo.ToTitleCase(culture.NativeName),
    };

    /// <summary>
    /// The culture's language tag for <c>lang</c> attributes: its own name, except the pseudo-language,
    /// which is accented English and whose private tag screen readers and checkers do not know.
    /// </summary>
    public static string TagOf(CultureInfo culture) => Catalogue.IsPseudo(culture) ? "en" : culture.Name;

    /// <summary>The supported culture named <paramref name="name"/>, or null when it is not offered.</summary>
    public static CultureInfo? Supported(RequestLocalizationOptions options, string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : options.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The fund's languages (<c>Localization:Cultures</c>), without the developers' pseudo-language: those an invitation can be written in.</summary>
    public static IReadOnlyList<CultureInfo> Offered(RequestLocalizationOptions options) =>
        [.. (options.SupportedUICultures ?? []).Where(c => !Catalogue.IsPseudo(c))];

    /// <summary>The fund's language named <paramref name="name"/> (see <see cref="Offered"/>), or null when it is not one of them.</summary>
    public static CultureInfo? OfferedCulture(RequestLocalizationOptions options, string? name) =>
        string.IsNullOrWhiteSpace(name)
            ? null
            : Offered(options).FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The culture as the fund's pages write numbers and dates in it (<see cref="FundCulture.Of(CultureInfo)"/>).</summary>
    public static CultureInfo AsTheFundWrites(CultureInfo culture) => FundCulture.Of(culture);

    /// <summary>Reads <c>Localization:Cultures</c> (en, fr, es, ar by default) and adds the pseudo-localization culture in Development and the tests.</summary>
    public static void Configure(RequestLocalizationOptions options, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var names = configuration.GetSection("Localization:Cultures").Get<string[]>() is { Length: > 0 } configured ? configured : Default;
        var cultures = names.Select(CultureInfo.GetCultureInfo).Select(AsTheFundWrites).ToList();
        // Pseudo-localization is a developer's tool: offered in Development (and to the tests), never in production.
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            cultures.Add(CultureInfo.GetCultureInfo(Catalogue.PseudoCulture));
        }

        options.DefaultRequestCulture = new RequestCulture(cultures[0]);
        options.SupportedCultures = cultures;
        options.SupportedUICultures = cultures;
        options.RequestCultureProviders =
        [
            new AccountRequestCultureProvider(),
            new CookieRequestCultureProvider(),
            new InvitationRequestCultureProvider(),
            new AcceptLanguageHeaderRequestCultureProvider(),
        ];
    }
}

/// <summary>The language a signed-in person chose, kept on their account (read from their session's claims).</summary>
public sealed class AccountRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext) =>
        Task.FromResult(httpContext.User.FindFirstValue(UserClaims.Culture) is { Length: > 0 } culture
            ? new ProviderCultureResult(culture)
            : null);
}

/// <summary>
/// The invitation page (<c>/Account/AcceptInvitation</c>) in the language the invitation was written in (the
/// invited account's language) while its link holds, for a visitor who has not chosen a language themselves.
/// </summary>
public sealed class InvitationRequestCultureProvider : RequestCultureProvider
{
    public override async Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var request = httpContext.Request;
        if (!request.Path.Equals(InvitationLink.Path, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string? userId;
        string? code;
        if (HttpMethods.IsGet(request.Method))
        {
            (userId, code) = (request.Query["userId"], request.Query["code"]);
        }
        else if (HttpMethods.IsPost(request.Method) && request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(httpContext.RequestAborted);
            (userId, code) = (form["UserId"], form["Code"]);
        }
        else
        {
            return null;
        }

        var invitee = await httpContext.RequestServices.GetRequiredService<IUseCases>().RunAsync(new OpenPasswordLink(userId, code, Invitation: true), httpContext.RequestAborted);
        return invitee.Succeeded && invitee.Value.Culture is { Length: > 0 } culture ? new ProviderCultureResult(culture) : null;
    }
}
