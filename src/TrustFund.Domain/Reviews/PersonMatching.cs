using System.Globalization;
using System.Text;
using TrustFund.Domain.Organisations;

namespace TrustFund.Domain.Reviews;

/// <summary>
/// Finds a reviewer among an organisation's board members and senior officers, the way HotCRP finds
/// a reviewer among a paper's authors: the same email (case-insensitive), or the same name ignoring
/// case, accents, punctuation and word order ("García, María" matches "maria garcia").
/// </summary>
public static class PersonMatching
{
    /// <summary>The officers who match the reviewer's name or email, each with its name, position and what matched.</summary>
    public static IReadOnlyList<OfficerMatch> Matches(string reviewerName, string? reviewerEmail, IEnumerable<OrganisationOfficer> officers)
    {
        var name = NameKey(reviewerName);
        var email = (reviewerEmail ?? string.Empty).Trim();
        var matches = new List<OfficerMatch>();
        foreach (var officer in officers)
        {
            var sameEmail = email.Length > 0 && !string.IsNullOrWhiteSpace(officer.Email)
                && string.Equals(email, officer.Email.Trim(), StringComparison.OrdinalIgnoreCase);
            var sameName = name.Length > 0 && name == NameKey(officer.Name);
            if (sameEmail || sameName)
            {
                var position = string.IsNullOrWhiteSpace(officer.Position) ? null : officer.Position.Trim();
                var kind = sameEmail && sameName ? OfficerMatchKind.SameNameAndEmail : sameEmail ? OfficerMatchKind.SameEmail : OfficerMatchKind.SameName;
                matches.Add(new OfficerMatch(officer.Name.Trim(), position, kind));
            }
        }

        return matches;
    }

    /// <summary>A name reduced to its words without case, accents or punctuation, sorted.</summary>
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return string.Empty;
        }

        var decomposed = name.Normalize(NormalizationForm.FormD);
        var plain = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            plain.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }

        var words = plain.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(words, StringComparer.Ordinal);
        return string.Join(' ', words);
    }
}
