using TrustFund.Domain.Common;

namespace TrustFund.Domain.Organisations;

/// <summary>A board member or senior officer the organisation lists in its profile (used to find reviewers' conflicts).</summary>
public sealed record OrganisationOfficer(string Name, string Position, string Email)
{
    public const int NameMaxLength = 200;
    public const int PositionMaxLength = 200;
    public const int EmailMaxLength = 256;
    public const int MaximumCount = 30;

    /// <summary>Rules of the list of officers, each tied to its row's field, such as "Officers[2].Email".</summary>
    public static IReadOnlyList<Common.RuleViolation> Check(IReadOnlyList<OrganisationOfficer> officers)
    {
        var errors = new List<Common.RuleViolation>();
        if (officers.Count > MaximumCount)
        {
            errors.Add(new(nameof(OrganisationProfile.Officers), new LocalText("List at most {0} board members and senior officers.", MaximumCount)));
        }

        var seen = new HashSet<(string, string)>();
        for (var i = 0; i < officers.Count; i++)
        {
            var (name, position, email) = ((officers[i].Name ?? string.Empty).Trim(), (officers[i].Position ?? string.Empty).Trim(), (officers[i].Email ?? string.Empty).Trim());
            var field = $"{nameof(OrganisationProfile.Officers)}[{i}].";
            var number = i + 1;
            if (string.IsNullOrWhiteSpace(name))
            {
                errors.Add(new(field + nameof(Name), new LocalText("Enter the name of officer {0}.", number)));
            }
            else if (name.Length > NameMaxLength)
            {
                errors.Add(new(field + nameof(Name), new LocalText("The name of officer {0} must be {1} characters or fewer.", number, NameMaxLength)));
            }

            if (position.Length > PositionMaxLength)
            {
                errors.Add(new(field + nameof(Position), new LocalText("The position of officer {0} must be {1} characters or fewer.", number, PositionMaxLength)));
            }

            if (email.Length > EmailMaxLength)
            {
                errors.Add(new(field + nameof(Email), new LocalText("The email address of officer {0} must be {1} characters or fewer.", number, EmailMaxLength)));
            }
            else if (email.Length > 0 && !LooksLikeEmail(email))
            {
                errors.Add(new(field + nameof(Email), new LocalText("Enter the email address of officer {0} in the correct format, like name@example.org.", number)));
            }

            if (!string.IsNullOrWhiteSpace(name) && !seen.Add((name.ToUpperInvariant(), email.ToUpperInvariant())))
            {
                errors.Add(new(field + nameof(Name), new LocalText("Officer {0} is listed twice with the same name and email address: remove one.", number)));
            }
        }

        return errors;
    }

    /// <summary>One "@" between a local part and a domain with a dot, no spaces or angle brackets.</summary>
    private static bool LooksLikeEmail(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != email.LastIndexOf('@') || email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"'))
        {
            return false;
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return dot > 0 && dot < domain.Length - 1 && !domain.Contains("..", StringComparison.Ordinal);
    }
}
