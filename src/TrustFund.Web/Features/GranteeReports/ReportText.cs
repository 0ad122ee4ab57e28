using Microsoft.AspNetCore.Mvc.Localization;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>How the report pages name reports, statuses and personal-data findings, through the page's localizer.</summary>
public static class ReportText
{
    /// <summary>"Interim report 2", "Final report".</summary>
    public static string Name(IViewLocalizer text, ReportKind kind, int sequence) => kind == ReportKind.Final
        ? (sequence == 1 ? text["Final report"].Value : text.GetString("Final report {0}", sequence).Value)
        : text.GetString("Interim report {0}", sequence).Value;

    public static string Status(IViewLocalizer text, ReportStatus status) => status switch
    {
        ReportStatus.Due => text["Due"].Value,
        ReportStatus.Submitted => text["Submitted, awaiting review"].Value,
        ReportStatus.RevisionRequested => text["Sent back for revision"].Value,
        ReportStatus.Accepted => text["Accepted"].Value,
    };

    public static string Status(IViewLocalizer text, GrantStatus status) => status switch
    {
        GrantStatus.AgreementPending => text["Agreement pending"].Value,
        GrantStatus.Active => text["Active"].Value,
        GrantStatus.Suspended => text["Suspended"].Value,
        GrantStatus.Closing => text["Closing"].Value,
        GrantStatus.Closed => text["Closed"].Value,
    };

    public static string Finding(IViewLocalizer text, PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.EmailAddress => text["an email address"].Value,
        PersonalDataKind.PhoneNumber => text["a phone number"].Value,
        PersonalDataKind.DocumentNumber => text["a document number"].Value,
        PersonalDataKind.NameLabel => text["a name"].Value,
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture);

    public static string Usd(decimal amount) => "USD " + amount.ToString("N2", System.Globalization.CultureInfo.CurrentCulture);
}
