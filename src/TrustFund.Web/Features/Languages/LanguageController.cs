using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.TwoFactor;

namespace TrustFund.Web.Features.Languages;

/// <summary>
/// The language switcher of every page: keeps the choice in a cookie (for visitors and signed-in
/// people alike) and on the account of a signed-in person, then returns to the page it came from.
/// </summary>
[Route("Language")]
[AllowAnonymous]
[AllowWithoutTwoFactor]
public sealed class LanguageController : Controller
{
    private readonly IUseCases _useCases;
    private readonly SignInManager<TrustFundUser> _signIn;
    private readonly RequestLocalizationOptions _localization;

    public LanguageController(IUseCases useCases, SignInManager<TrustFundUser> signIn, IOptions<RequestLocalizationOptions> localization)
    {
        _useCases = useCases;
        _signIn = signIn;
        _localization = localization.Value;
    }

    [HttpPost("")]
    public async Task<IActionResult> Choose([FromForm] string? culture, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        var back = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        if (Languages.Supported(_localization, culture) is not { } chosen)
        {
            return LocalRedirect(back);
        }

        Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1),
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = Request.IsHttps,
            });

        if (User.Identity?.IsAuthenticated == true)
        {
            var outcome = await _useCases.RunAsync(new ChooseLanguage(chosen.Name), cancellationToken);
            if (outcome.Succeeded && await _signIn.UserManager.GetUserAsync(User) is { } user)
            {
                // The session's claims carry the language: reissue them so the next page reads the new one.
                await _signIn.RefreshSignInAsync(user);
            }
        }

        return LocalRedirect(back);
    }
}
