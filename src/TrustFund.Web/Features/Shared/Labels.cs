using System.Globalization;
using System.Text;
using TrustFund.Application.Calls;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Shared;

/// <summary>English names of the application's enumerations and instants, used as localization keys in views.</summary>
public static class Labels
{
    public static string Of(ApplicationStatus status) => status switch
    {
        ApplicationStatus.InformationRequested => "Information requested",
        ApplicationStatus.UnderReview => "Under review",
        ApplicationStatus.ReserveList => "Reserve list",
        ApplicationStatus.NotApproved => "Not approved",
        _ => Words(status.ToString()),
    };

    public static string Of(ApplicationSection section) => section switch
    {
        ApplicationSection.Project => "Project",
        ApplicationSection.Beneficiaries => "Beneficiaries and forms of exploitation",
        ApplicationSection.Assistance => "Types of assistance",
        ApplicationSection.Budget => "Budget",
        ApplicationSection.Documents => "Documents",
        ApplicationSection.Declarations => "Declarations",
        ApplicationSection.Eligibility => "Deadline and organisation",
    };

    public static string Of(DocumentType type) => TrustFund.Application.Applications.DocumentTypeNames.Of(type);

    public static string Of(AgeBand band) => band switch
    {
        AgeBand.Age0To11 => "0–11",
        AgeBand.Age12To17 => "12–17",
        AgeBand.Age18To24 => "18–24",
        AgeBand.Age25To59 => "25–59",
        AgeBand.Age60Plus => "60 and over",
    };

    public static string Of(Sex sex) => sex switch
    {
        Sex.NonBinaryOrOther => "Non-binary or other",
        _ => Words(sex.ToString()),
    };

    public static string Of(AssistanceType type) => CallLabels.Of(type);

    public static string Of(ExploitationForm form) => CallLabels.Of(form);

    public static string Of(UnderservedGroup group) => group switch
    {
        UnderservedGroup.LgbtqiPersons => "LGBTQI+ persons",
        _ => Words(group.ToString()),
    };

    public static string Of(PrioritySituation situation) => Words(situation.ToString());

    public static string Of(BudgetCategory category) => Words(category.ToString());

    public static string Of(AssistanceHeading heading) => CallLabels.Of(heading);

    /// <summary>An instant in the call's time zone, with the zone named: "31 March 2026 17:00 (Europe/Vienna)".</summary>
    public static string InZone(DateTime utc, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var found) ? found : TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return string.Create(CultureInfo.CurrentCulture, $"{local:d MMMM yyyy HH:mm} ({zone.Id})");
    }

    /// <summary>An instant in UTC: "2 March 2026 09:00 UTC".</summary>
    public static string Utc(DateTime utc) => string.Create(CultureInfo.CurrentCulture, $"{utc:d MMMM yyyy HH:mm} UTC");

    public static string FileSize(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.CurrentCulture, $"{bytes / 1024d / 1024d:0.0} MB")
        : string.Create(CultureInfo.CurrentCulture, $"{Math.Max(1, bytes / 1024)} KB");

    private static string Words(string name)
    {
        var words = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }

        return words.ToString();
    }
}
