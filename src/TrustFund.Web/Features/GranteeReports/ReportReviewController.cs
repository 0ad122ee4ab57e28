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
/// The fund managers' side: the queue of reports waiting for review or overdue, reminders to the
/// grantees, and accepting a report or sending it back for revision with a comment.
/// </summary>
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ReportReviewController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<ReportReviewController> _text;

    public ReportReviewController(IUseCases useCases, IStringLocalizer<ReportReviewController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("Manage/Reports")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ListReports(), cancellationToken);
        return outcome.Succeeded ? View("/Features/GranteeReports/Queue.cshtml", new QueuePage(outcome.Value)) : NotFound();
    }

    [HttpPost("Manage/Reports/Reminders")]
    public async Task<IActionResult> Remind(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new SendReportReminders(), cancellationToken);
        TempData["Notice"] = outcome.Succeeded
            ? (outcome.Value.Reports == 0
                ? _text["No overdue report needed a reminder: each was reminded in the last seven days, or none is overdue."].Value
                : _text.GetString("Reminders sent to {0} organisations about {1} overdue reports.", outcome.Value.Organisations, outcome.Value.Reports).Value)
            : _text["Reminders were being sent at the same moment by someone else: nobody was reminded twice."].Value;
        return Redirect("/Manage/Reports");
    }

    [HttpPost("Grants/{id:guid}/Reports/{reportId:guid}/Accept")]
    public async Task<IActionResult> Accept(Guid id, Guid reportId, RevisionInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new AcceptReport(id, reportId, input.Version), cancellationToken);
        return await AnswerAsync(id, reportId, input, outcome, ReportStatus.Accepted, _text["The report is accepted. The grantee has been told."].Value, _text["The report had already been accepted."].Value, cancellationToken);
    }

    [HttpPost("Grants/{id:guid}/Reports/{reportId:guid}/Revision")]
    public async Task<IActionResult> Revision(Guid id, Guid reportId, RevisionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ReportForm.PageAsync(this, _useCases, id, reportId, null, input, null, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new RequestReportRevision(id, reportId, input.Version, input.Comment, input.ResubmitByDay), cancellationToken);
        return await AnswerAsync(id, reportId, input, outcome, ReportStatus.RevisionRequested, _text["The report has been sent back for revision. The grantee has been told what to revise."].Value, _text["The report had already been sent back for revision."].Value, cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Guid id, Guid reportId, RevisionInput input, Outcome<ReportReviewed> outcome, ReportStatus reached, string done, string already, CancellationToken cancellationToken)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == ReportReviewed.AlreadyDone ? already : done;
                return Redirect($"/Grants/{id:D}/Reports/{reportId:D}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Stale when await StatusAsync(id, reportId, cancellationToken) == reached:
                // Pressed twice at once: the first press recorded the decision.
                TempData["Notice"] = already;
                return Redirect($"/Grants/{id:D}/Reports/{reportId:D}");
            default:
                ModelState.AddOutcome(outcome, _text, field => field switch
                {
                    nameof(GranteeReport.RevisionComment) => nameof(RevisionInput.Comment),
                    nameof(GranteeReport.ResubmitBy) => nameof(RevisionInput.ResubmitBy),
                    nameof(RequestReportRevision.Comment) => nameof(RevisionInput.Comment),
                    _ => string.Empty,
                });
                return await ReportForm.PageAsync(this, _useCases, id, reportId, null, input, null, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
        }
    }

    private async Task<ReportStatus?> StatusAsync(Guid id, Guid reportId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReport(id, reportId), cancellationToken);
        return outcome.Succeeded ? outcome.Value.Status : null;
    }
}
