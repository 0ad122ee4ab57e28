using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.GranteeReports;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>
/// The grantee's side: their organisation's reports across its grants, and one form per report that
/// saves a draft, checks the report (rules and possible personal data shown next to the fields,
/// nothing saved) or submits it. Works without script: every check runs on the server.
/// </summary>
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class ReportSubmissionController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<ReportSubmissionController> _text;

    public ReportSubmissionController(IUseCases useCases, IStringLocalizer<ReportSubmissionController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("Reports")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ListReports(), cancellationToken);
        return outcome.Succeeded ? View("/Features/GranteeReports/Queue.cshtml", new QueuePage(outcome.Value)) : NotFound();
    }

    [HttpPost("Grants/{id:guid}/Reports/{reportId:guid}")]
    public async Task<IActionResult> Report(Guid id, Guid reportId, ReportInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ReportForm.PageAsync(this, _useCases, id, reportId, input, null, null, cancellationToken);
        }

        var content = input.ToContent();
        switch (input.Intent)
        {
            case ReportInput.SaveDraft:
                {
                    var saved = await _useCases.RunAsync(new SaveReportDraft(id, reportId, input.Version, content), cancellationToken);
                    if (saved.Kind == OutcomeKind.Done)
                    {
                        TempData["Notice"] = _text["Your draft has been saved. It is not submitted yet."].Value;
                        return Redirect($"/Grants/{id:D}/Reports/{reportId:D}");
                    }

                    return await RefusedAsync(id, reportId, input, saved, null, cancellationToken);
                }

            case ReportInput.Check:
                {
                    var checkedReport = await _useCases.RunAsync(new CheckReport(id, reportId, content), cancellationToken);
                    if (!checkedReport.Succeeded)
                    {
                        return NotFound();
                    }

                    ModelState.AddProblems(checkedReport.Value.Problems.Select(p => TrustFund.Application.Common.Problem.For(p.Field, p.Text)), _text, input.FieldOf);
                    if (checkedReport.Value.IsClean)
                    {
                        ViewData["Checked"] = _text["No problem found: the report can be submitted."].Value;
                    }

                    return await ReportForm.PageAsync(this, _useCases, id, reportId, input, null, checkedReport.Value.PossiblePersonalData, cancellationToken);
                }

            default:
                {
                    var submitted = await _useCases.RunAsync(new SubmitReport(id, reportId, input.Version, content, input.AttestsNotAboutVictim), cancellationToken);
                    switch (submitted.Kind)
                    {
                        case OutcomeKind.Done:
                            TempData["Notice"] = submitted.Value == ReportSent.AlreadySubmitted
                                ? _text["This report had already been submitted."].Value
                                : _text["Your report has been submitted. The Secretariat will review it."].Value;
                            return Redirect($"/Grants/{id:D}/Reports/{reportId:D}");
                        case OutcomeKind.Stale when await IsSubmittedAsync(id, reportId, cancellationToken):
                            // Submit pressed twice at once: the first press submitted the report.
                            TempData["Notice"] = _text["This report had already been submitted."].Value;
                            return Redirect($"/Grants/{id:D}/Reports/{reportId:D}");
                        default:
                            return await RefusedAsync(id, reportId, input, submitted, content, cancellationToken);
                    }
                }
        }
    }

    // The page again with why: each problem at its field, and what the screening flags in the text as typed.
    private async Task<IActionResult> RefusedAsync<T>(Guid id, Guid reportId, ReportInput input, Outcome<T> outcome, ReportContent? content, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddOutcome(outcome, _text, input.FieldOf);
        IReadOnlyList<PersonalDataFinding>? findings = content is null ? null : GranteeReport.Screen(content);
        return await ReportForm.PageAsync(this, _useCases, id, reportId, input, null, findings, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
    }

    private async Task<bool> IsSubmittedAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReport(id, reportId), cancellationToken);
        return outcome.Succeeded && outcome.Value.Status is ReportStatus.Submitted or ReportStatus.Accepted;
    }
}
