using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TrustFund.Application.Email;

/// <summary>A calendar day written in the email's language: "31 March 2026", "31 mars 2026", "31 مارس 2026".</summary>
public sealed record EmailDay(DateOnly Day) : ILocalizedText
{
    public string Write(IStringLocalizer text, CultureInfo culture) => Day.ToString("d MMMM yyyy", culture);
}
