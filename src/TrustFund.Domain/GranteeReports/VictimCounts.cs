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
            errors.Add(new RuleViolation(nameof(BySexAndAge), $"The table by sex and age adds up to {grid:N0} persons, but {unique:N0} unique persons are reported: they must be equal."));
        }

        foreach (var cell in ByAssistanceType.Where(c => c.Count > unique))
        {
            errors.Add(new RuleViolation(nameof(ByAssistanceType), $"{Capitalised(Words.Of(cell.Type))} counts {cell.Count:N0} persons, more than the {unique:N0} unique persons assisted."));
        }

        var assisted = ByAssistanceType.Sum(c => (long)c.Count);
        if (assisted < unique)
        {
            errors.Add(new RuleViolation(nameof(ByAssistanceType), $"Each of the {unique:N0} unique persons received at least one type of assistance, but the counts by type of assistance add up to only {assisted:N0}."));
        }

        foreach (var cell in ByExploitationForm.Where(c => c.Count > unique))
        {
            errors.Add(new RuleViolation(nameof(ByExploitationForm), $"{Capitalised(Words.Of(cell.Form))} counts {cell.Count:N0} persons, more than the {unique:N0} unique persons assisted."));
        }

        var byNationality = ByNationality.Sum(c => (long)c.Count) + Stateless + NationalityUnknown;
        if (byNationality != unique)
        {
            errors.Add(new RuleViolation(nameof(ByNationality), $"The counts by nationality (stateless and unknown included) add up to {byNationality:N0} persons, but {unique:N0} unique persons are reported: they must be equal."));
        }

        var newAndContinuing = (long)NewPersons + ContinuingPersons;
        if (newAndContinuing != unique)
        {
            errors.Add(new RuleViolation(nameof(NewPersons), $"New ({NewPersons:N0}) and continuing ({ContinuingPersons:N0}) persons add up to {newAndContinuing:N0}, but {unique:N0} unique persons are reported: they must be equal."));
        }

        return errors;
    }

    private void CheckCells(List<RuleViolation> errors)
    {
        void Count(string field, string what, int count)
        {
            if (count is < 0 or > MaximumCount)
            {
                errors.Add(new RuleViolation(field, $"The count of {what} must be a whole number from 0 to {MaximumCount:N0} (it is {count:N0})."));
            }
        }

        void Once<TKey>(string field, IEnumerable<TKey> keys, Func<TKey, string> describe)
        {
            foreach (var repeated in keys.GroupBy(k => k).Where(g => g.Count() > 1))
            {
                errors.Add(new RuleViolation(field, $"{Capitalised(describe(repeated.Key))} is counted more than once."));
            }
        }

        foreach (var cell in BySexAndAge)
        {
            Count(nameof(BySexAndAge), Describe(cell.Sex, cell.AgeBand), cell.Count);
        }

        Once(nameof(BySexAndAge), BySexAndAge.Select(c => (c.Sex, c.AgeBand)), k => Describe(k.Sex, k.AgeBand));
        foreach (var cell in ByExploitationForm)
        {
            Count(nameof(ByExploitationForm), Words.Of(cell.Form), cell.Count);
        }

        Once(nameof(ByExploitationForm), ByExploitationForm.Select(c => c.Form), f => Words.Of(f));
        foreach (var cell in ByAssistanceType)
        {
            Count(nameof(ByAssistanceType), Words.Of(cell.Type), cell.Count);
        }

        Once(nameof(ByAssistanceType), ByAssistanceType.Select(c => c.Type), t => Words.Of(t));
        foreach (var cell in ByNationality)
        {
            if (UnM49.ByCode(cell.CountryCode?.Trim()) is not { Type: PlaceType.Country })
            {
                errors.Add(new RuleViolation(nameof(ByNationality), $"'{cell.CountryCode}' is not a UN M49 country code."));
            }
            else
            {
                Count(nameof(ByNationality), $"nationality {cell.CountryCode}", cell.Count);
            }
        }

        Once(nameof(ByNationality), ByNationality.Select(c => c.CountryCode?.Trim() ?? string.Empty), c => $"nationality {c}");
        Count(nameof(Stateless), "stateless persons", Stateless);
        Count(nameof(NationalityUnknown), "persons of unknown nationality", NationalityUnknown);
        Count(nameof(UniquePersons), "unique persons", UniquePersons);
        Count(nameof(NewPersons), "new persons", NewPersons);
        Count(nameof(ContinuingPersons), "continuing persons", ContinuingPersons);
    }

    /// <summary>"female, 18-24", "unknown sex, 60+".</summary>
    public static string Describe(Sex sex, AgeBand ageBand) => $"{Words.Of(sex)}, {Words.Of(ageBand)}";

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
