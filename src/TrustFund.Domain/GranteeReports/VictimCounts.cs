using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;

namespace TrustFund.Domain.GranteeReports;

/// <summary>
/// Victims assisted over the period, as counts only (the fund never needs an identity). One person
/// counts once in the sex and age table, once by nationality and once as new or continuing, but may
/// count under several forms of exploitation and several types of assistance.
/// </summary>
public sealed record VictimCounts
{
    /// <summary>The largest count accepted in one cell (keeps sums far from overflow).</summary>
    public const int MaximumCount = 10_000_000;

    public static VictimCounts None { get; } = new();

    public IReadOnlyList<SexAgeCount> BySexAndAge { get; init; } = [];

    public IReadOnlyList<ExploitationFormCount> ByExploitationForm { get; init; } = [];

    public IReadOnlyList<AssistanceTypeCount> ByAssistanceType { get; init; } = [];

    /// <summary>Counts by nationality; stateless persons and those of unknown nationality are counted apart.</summary>
    public IReadOnlyList<NationalityCount> ByNationality { get; init; } = [];

    public int Stateless { get; init; }

    public int NationalityUnknown { get; init; }

    /// <summary>Each person assisted counted once.</summary>
    public int UniquePersons { get; init; }

    /// <summary>Persons first assisted in this period.</summary>
    public int NewPersons { get; init; }

    /// <summary>Persons already assisted before this period.</summary>
    public int ContinuingPersons { get; init; }

    /// <summary>
    /// Every rule broken, each with its own message. First each count: a whole number from 0 to
    /// <see cref="MaximumCount"/>, each cell given once, each nationality a UN M49 country. Then, when
    /// every count is valid, the totals:
    /// <list type="number">
    /// <item>the sex and age table adds up to the unique persons;</item>
    /// <item>no type of assistance counts more persons than the unique persons;</item>
    /// <item>the counts by assistance type add up to at least the unique persons (every person assisted received some assistance);</item>
    /// <item>no form of exploitation counts more persons than the unique persons (there is no lower bound on
    /// their sum: the form is not always established when a person is assisted, and a forced "other" would
    /// make the figures less honest);</item>
    /// <item>the counts by nationality, with stateless and unknown, add up to the unique persons;</item>
    /// <item>new and continuing persons add up to the unique persons.</item>
    /// </list>
    /// </summary>
    public IReadOnlyList<RuleViolation> Check()
    {
        var errors = new List<RuleViolation>();
        CheckCells(errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        var unique = UniquePersons;
        var grid = BySexAndAge.Sum(c => (long)c.Count);
        if (grid != unique)
        {
            errors.Add(new RuleViolation(nameof(BySexAndAge), new LocalText("The table by sex and age adds up to {0:N0} persons, but {1:N0} unique persons are reported: they must be equal.", grid, unique)));
        }

        foreach (var cell in ByAssistanceType.Where(c => c.Count > unique))
        {
            errors.Add(new RuleViolation(nameof(ByAssistanceType), new LocalText("{0} counts {1:N0} persons, more than the {2:N0} unique persons assisted.", new LocalText(Capitalised(Words.Of(cell.Type))), cell.Count, unique)));
        }

        var assisted = ByAssistanceType.Sum(c => (long)c.Count);
        if (assisted < unique)
        {
            errors.Add(new RuleViolation(nameof(ByAssistanceType), new LocalText("Each of the {0:N0} unique persons received at least one type of assistance, but the counts by type of assistance add up to only {1:N0}.", unique, assisted)));
        }

        foreach (var cell in ByExploitationForm.Where(c => c.Count > unique))
        {
            errors.Add(new RuleViolation(nameof(ByExploitationForm), new LocalText("{0} counts {1:N0} persons, more than the {2:N0} unique persons assisted.", new LocalText(Capitalised(Words.Of(cell.Form))), cell.Count, unique)));
        }

        var byNationality = ByNationality.Sum(c => (long)c.Count) + Stateless + NationalityUnknown;
        if (byNationality != unique)
        {
            errors.Add(new RuleViolation(nameof(ByNationality), new LocalText("The counts by nationality (stateless and unknown included) add up to {0:N0} persons, but {1:N0} unique persons are reported: they must be equal.", byNationality, unique)));
        }

        var newAndContinuing = (long)NewPersons + ContinuingPersons;
        if (newAndContinuing != unique)
        {
            errors.Add(new RuleViolation(nameof(NewPersons), new LocalText("New ({0:N0}) and continuing ({1:N0}) persons add up to {2:N0}, but {3:N0} unique persons are reported: they must be equal.", NewPersons, ContinuingPersons, newAndContinuing, unique)));
        }

        return errors;
    }

    private void CheckCells(List<RuleViolation> errors)
    {
        void Count(string field, LocalText what, int count)
        {
            if (count is < 0 or > MaximumCount)
            {
                errors.Add(new RuleViolation(field, new LocalText("The count of {0} must be a whole number from 0 to {1:N0} (it is {2:N0}).", what, MaximumCount, count)));
            }
        }

        void Once<TKey>(string field, IEnumerable<TKey> keys, Func<TKey, LocalText> describe)
        {
            foreach (var repeated in keys.GroupBy(k => k).Where(g => g.Count() > 1))
            {
                errors.Add(new RuleViolation(field, new LocalText("{0} is counted more than once.", describe(repeated.Key))));
            }
        }

        foreach (var cell in BySexAndAge)
        {
            Count(nameof(BySexAndAge), new LocalText("{0}, {1}", new LocalText(Words.Of(cell.Sex)), new LocalText(Words.Of(cell.AgeBand))), cell.Count);
        }

        Once(nameof(BySexAndAge), BySexAndAge.Select(c => (c.Sex, c.AgeBand)), k => new LocalText("{0}, {1}", new LocalText(Capitalised(Words.Of(k.Sex))), new LocalText(Words.Of(k.AgeBand))));
        foreach (var cell in ByExploitationForm)
        {
            Count(nameof(ByExploitationForm), new LocalText(Words.Of(cell.Form)), cell.Count);
        }

        Once(nameof(ByExploitationForm), ByExploitationForm.Select(c => c.Form), f => new LocalText(Capitalised(Words.Of(f))));
        foreach (var cell in ByAssistanceType)
        {
            Count(nameof(ByAssistanceType), new LocalText(Words.Of(cell.Type)), cell.Count);
        }

        Once(nameof(ByAssistanceType), ByAssistanceType.Select(c => c.Type), t => new LocalText(Capitalised(Words.Of(t))));
        foreach (var cell in ByNationality)
        {
            if (UnM49.ByCode(cell.CountryCode?.Trim()) is not { Type: PlaceType.Country })
            {
                errors.Add(new RuleViolation(nameof(ByNationality), new LocalText("'{0}' is not a UN M49 country code.", cell.CountryCode)));
            }
            else
            {
                Count(nameof(ByNationality), new LocalText("nationality {0}", cell.CountryCode), cell.Count);
            }
        }

        Once(nameof(ByNationality), ByNationality.Select(c => c.CountryCode?.Trim() ?? string.Empty), c => new LocalText("Nationality {0}", c));
        Count(nameof(Stateless), new LocalText("stateless persons"), Stateless);
        Count(nameof(NationalityUnknown), new LocalText("persons of unknown nationality"), NationalityUnknown);
        Count(nameof(UniquePersons), new LocalText("unique persons"), UniquePersons);
        Count(nameof(NewPersons), new LocalText("new persons"), NewPersons);
        Count(nameof(ContinuingPersons), new LocalText("continuing persons"), ContinuingPersons);
    }

    /// <summary>"female, 18-24", "unknown sex, 60+".</summary>
    public static string Describe(Sex sex, AgeBand ageBand) => $"{Words.Of(sex)}, {Words.Of(ageBand)}";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
