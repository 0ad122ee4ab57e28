using Microsoft.AspNetCore.Builder;
using TrustFund.Application.Common;

namespace TrustFund.Application.Accounts;

/// <summary>
/// The language an invitation is written in, kept on the invited account as its chosen language: one of
/// the fund's languages (<c>Localization:Cultures</c>), or none (the fund's default language).
/// </summary>
public static class InvitationLanguage
{
    /// <summary>The message when the language named is not one of the fund's.</summary>
    public const string NotOffered = "Choose the language of the invitation from the list.";

    /// <summary>
    /// The name of the fund's language named <paramref name="culture"/> ("fr"), null when none is named;
    /// refused (on the field <paramref name="field"/>) when the name is not one of the fund's languages.
    /// </summary>
    public static string? Of(RequestLocalizationOptions options, string? culture, string field)
    {
        if (string.IsNullOrWhiteSpace(culture))
        {
            return null;
        }

        return options.SupportedUICultures?.FirstOrDefault(c => string.Equals(c.Name, culture.Trim(), StringComparison.OrdinalIgnoreCase))?.Name
            ?? throw new RefusedException(Problem.For(field, NotOffered));
    }
}
