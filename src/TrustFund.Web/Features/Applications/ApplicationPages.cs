using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;

using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>What the applicant's controllers share: where their views are, and the header every application page shows.</summary>
public static class ApplicationPages
{
    /// <summary>The view <paramref name="name"/> of this feature folder, whichever of its controllers renders it.</summary>
    public static string View(string name) => $"~/Features/Applications/{name}.cshtml";

    public static ApplicationHeader Header(ApplicationDetails details)
    {
        var a = details.Application;
        return new ApplicationHeader(
            a.Id,
            a.Title,
            a.Reference,
            a.Status,
            details.Call.Code,
            details.Call.Title,
            Labels.InZone(details.Call.ClosesAtUtc, details.Call.Terms.TimeZoneId),
            a.IsEditable,
            a.Status == ApplicationStatus.InformationRequested ? a.InformationRequest : null,
            a.LastEditedBy,
            a.LastEditedAtUtc);
    }
}
