using System.Text;
using TrustFund.Domain.Applications;

namespace TrustFund.Application.Applications;

/// <summary>An application's status in plain words ("Information requested"), as refusals name it (also the localization key).</summary>
public static class StatusWords
{
    public static string Of(ApplicationStatus status)
    {
        var name = status.ToString();
        var words = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            words.Append(i > 0 && char.IsUpper(name[i]) ? " " + char.ToLowerInvariant(name[i]) : name[i]);
        }

        return words.ToString();
    }
}
