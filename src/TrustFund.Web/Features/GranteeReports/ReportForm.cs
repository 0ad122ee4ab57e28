using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>Builds the report page for the controllers that show it again after a post (the grantee's and the fund manager's).</summary>
public static class ReportForm
{
    public const string View = "/Features/GranteeReports/Report.cshtml";

    /// <summary>
    /// The report page with the person's input when given. <paramref name="fresh"/>: the report changed
    /// meanwhile, so the forms take its current version (saving again is a deliberate choice).
    /// </summary>
    public static async Task<IActionResult> PageAsync(
        Controller controller,
        IUseCases useCases,
        Guid grantId,
        Guid reportId,
        ReportInput? input,
        RevisionInput? revision,
        IReadOnlyList<PersonalDataFinding>? findings,
        CancellationToken cancellationToken,
        bool fresh = false)
    {
        var outcome = await useCases.RunAsync(new ShowReport(grantId, reportId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return controller.NotFound();
        }

        var view = outcome.Value;
        if (fresh)
        {
            controller.ModelState.Remove(nameof(ReportInput.Version));
            if (input is not null)
            {
                input.Version = view.Version;
            }

            if (revision is not null)
            {
                revision.Version = view.Version;
            }
        }

        input = input?.WithSpareRows() ?? ReportInput.From(view.Draft, view.Version, blankActuals: view.Versions.Count == 0 && view.DraftSavedAtUtc is null);
        revision ??= new RevisionInput { Version = view.Version };
        return controller.View(View, new ReportPage(view, input, findings ?? [], revision));
    }
}
