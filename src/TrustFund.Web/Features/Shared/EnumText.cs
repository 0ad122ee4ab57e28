using System.Text;

namespace TrustFund.Web.Features.Shared;

/// <summary>An enumeration value as words ("PendingVerification" → "Pending verification"), the English key for localization.</summary>
public static class EnumText
{
    private static readonly Dictionary<string, string> Acronyms = new(StringComparer.Ordinal)
    {
        ["Ngo"] = "NGO",
        ["Psea"] = "PSEA",
        ["Unpp"] = "UNPP",
    };

    public static string Words(Enum value)
    {
        var name = value.ToString();
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && (char.IsUpper(c) || (char.IsDigit(c) && !char.IsDigit(name[i - 1])) || (!char.IsDigit(c) && char.IsDigit(name[i - 1])));
            if (boundary)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        words.Add(current.ToString());
        var text = words.Select((w, i) => Acronyms.TryGetValue(w, out var acronym) ? acronym : i == 0 ? w : w.ToLowerInvariant());
        return string.Join(' ', text);
    }
}
