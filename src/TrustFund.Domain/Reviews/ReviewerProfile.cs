using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Reviews;

/// <summary>
/// What the fund knows of a reviewer for assignment: the languages they read, their expertise
/// (regions by UN M49 code and forms of exploitation) and how many reviews they take at most at once.
/// Its identifier is the reviewer's user account.
/// </summary>
public sealed class ReviewerProfile : AggregateRoot
{
    public const int MaximumLoadLimit = 500;
    public const int DefaultMaximumLoad = 40;

    private ReviewerProfile()
    {
        LastChangedBy = string.Empty;
    }

    /// <summary>The reviewer's user account (the profile's identifier).</summary>
    public Guid UserId => Id;

    public IReadOnlyList<ProposalLanguage> Languages { get; private set; } = [];

    /// <summary>UN M49 codes of the regions, sub-regions or countries the reviewer knows.</summary>
    public IReadOnlyList<string> Regions { get; private set; } = [];

    public IReadOnlyList<ExploitationForm> Forms { get; private set; } = [];

    /// <summary>The most reviews not yet submitted the reviewer takes at once.</summary>
    public int MaximumLoad { get; private set; } = DefaultMaximumLoad;

    public DateTime LastChangedAtUtc { get; private set; }

    public string LastChangedBy { get; private set; }

    /// <summary>A new profile for the reviewer's account.</summary>
    public static ReviewerProfile For(Guid userId, IReadOnlyList<ProposalLanguage> languages, IReadOnlyList<string> regions, IReadOnlyList<ExploitationForm> forms, int maximumLoad, string by, DateTime nowUtc)
    {
        var profile = new ReviewerProfile { Id = userId };
        profile.Change(languages, regions, forms, maximumLoad, by, nowUtc);
        return profile;
    }

    /// <summary>Replaces the profile; at least one language and a load between 1 and <see cref="MaximumLoadLimit"/>.</summary>
    public void Change(IReadOnlyList<ProposalLanguage> languages, IReadOnlyList<string> regions, IReadOnlyList<ExploitationForm> forms, int maximumLoad, string by, DateTime nowUtc)
    {
        var errors = new List<RuleViolation>();
        if (languages.Count == 0)
        {
            errors.Add(new RuleViolation(nameof(Languages), "Choose at least one language the reviewer reads."));
        }

        if (languages.Any(l => !Enum.IsDefined(l)) || forms.Any(f => !Enum.IsDefined(f)))
        {
            errors.Add(new RuleViolation(nameof(Languages), "A language or form of exploitation is not one the fund knows."));
        }

        if (maximumLoad is < 1 or > MaximumLoadLimit)
        {
            errors.Add(new RuleViolation(nameof(MaximumLoad), new LocalText("The maximum load must be a whole number from 1 to {0}.", MaximumLoadLimit)));
        }

        if (errors.Count > 0)
        {
            throw new RulesViolatedException(errors);
        }

        Languages = [.. languages.Distinct().Order()];
        Regions = [.. regions.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Forms = [.. forms.Distinct().Order()];
        MaximumLoad = maximumLoad;
        LastChangedBy = by;
        LastChangedAtUtc = nowUtc;
    }

    /// <summary>Whether the reviewer reads <paramref name="language"/> (an application with no language set is read by anyone).</summary>
    public bool Reads(ProposalLanguage? language) => language is null || Languages.Contains(language.Value);
}
