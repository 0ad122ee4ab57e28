using System.Globalization;
using Microsoft.Extensions.Localization;

namespace TrustFund.Application.Email;

/// <summary>A part of an email (a list of changes, say) that writes itself in the email's language.</summary>
public interface ILocalizedText
{
    string Write(IStringLocalizer text, CultureInfo culture);
}
