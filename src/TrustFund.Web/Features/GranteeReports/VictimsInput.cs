using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.GranteeReports;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>
/// Victims assisted as typed into the form: counts only, never an identity. Cells are keyed by name
/// (<see cref="ReportInput.CellKey"/> for sex and age, the enumeration's name otherwise); an empty
/// cell counts nobody and is left out of the report.
/// </summary>
public sealed class VictimsInput
{
    public Dictionary<string, string?> BySexAndAge { get; set; } = [];

    public Dictionary<string, string?> ByExploitationForm { get; set; } = [];

    public Dictionary<string, string?> ByAssistanceType { get; set; } = [];

    public List<NationalityInput> ByNationality { get; set; } = [];

    public string? Stateless { get; set; }

    public string? NationalityUnknown { get; set; }

    public string? UniquePersons { get; set; }

    public string? NewPersons { get; set; }

    public string? ContinuingPersons { get; set; }

    public static VictimsInput From(VictimCounts counts) => new()
    {
        BySexAndAge = counts.BySexAndAge.ToDictionary(c => ReportInput.CellKey(c.Sex, c.AgeBand), c => (string?)Text(c.Count)),
        ByExploitationForm = counts.ByExploitationForm.ToDictionary(c => c.Form.ToString(), c => (string?)Text(c.Count)),
        ByAssistanceType = counts.ByAssistanceType.ToDictionary(c => c.Type.ToString(), c => (string?)Text(c.Count)),
        ByNationality = [.. counts.ByNationality.Select(c => new NationalityInput { Country = c.CountryCode, Count = Text(c.Count) })],
        Stateless = Text(counts.Stateless),
        NationalityUnknown = Text(counts.NationalityUnknown),
        UniquePersons = Text(counts.UniquePersons),
        NewPersons = Text(counts.NewPersons),
        ContinuingPersons = Text(counts.ContinuingPersons),
    };

    /// <summary>The counts, from a form whose numbers were checked (cells left empty are not reported).</summary>
    public VictimCounts ToCounts() => new()
    {
        BySexAndAge = [.. from sex in Enum.GetValues<Sex>()
                          from band in Enum.GetValues<AgeBand>()
                          let typed = BySexAndAge.GetValueOrDefault(ReportInput.CellKey(sex, band))
                          where !string.IsNullOrWhiteSpace(typed)
                          select new SexAgeCount(sex, band, ReportInput.Count(typed))],
        ByExploitationForm = [.. from form in Enum.GetValues<ExploitationForm>()
                                 let typed = ByExploitationForm.GetValueOrDefault(form.ToString())
                                 where !string.IsNullOrWhiteSpace(typed)
                                 select new ExploitationFormCount(form, ReportInput.Count(typed))],
        ByAssistanceType = [.. from type in Enum.GetValues<AssistanceType>()
                               let typed = ByAssistanceType.GetValueOrDefault(type.ToString())
                               where !string.IsNullOrWhiteSpace(typed)
                               select new AssistanceTypeCount(type, ReportInput.Count(typed))],
        ByNationality = [.. ByNationality.Where(n => !n.IsBlank).Select(n => new NationalityCount(n.Country?.Trim() ?? string.Empty, ReportInput.Count(n.Count)))],
        Stateless = ReportInput.Count(Stateless),
        NationalityUnknown = ReportInput.Count(NationalityUnknown),
        UniquePersons = ReportInput.Count(UniquePersons),
        NewPersons = ReportInput.Count(NewPersons),
        ContinuingPersons = ReportInput.Count(ContinuingPersons),
    };

    private static string Text(int count) => NumberText.ForInput(count);
}
