using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>
/// A grant's reports as the grantee organisation and the fund managers read them: the schedule, one
/// report (the grantee's form or the fund manager's review), and each submitted version. Anyone else,
/// and another organisation's members, get 404 (<see cref="ReportOperations"/>).
/// </summary>
[Route("Grants/{id:guid}/Reports")]
[Authorize]
public sealed class GrantReportsController : Controller
{
    private readonly IUseCases _useCases;

    public GrantReportsController(IUseCases useCases) => _useCases = useCases;

    [HttpGet("")]
    public async Task<IActionResult> Schedule(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowGrantReports(id), cancellationToken);
        return outcome.Succeeded ? View("/Features/GranteeReports/Schedule.cshtml", new SchedulePage(outcome.Value)) : NotFound();
    }

    [HttpGet("{reportId:guid}")]
    public Task<IActionResult> Report(Guid id, Guid reportId, CancellationToken cancellationToken) =>
        ReportForm.PageAsync(this, _useCases, id, reportId, null, null, null, cancellationToken);

    [HttpGet("{reportId:guid}/Versions/{number:int}")]
    public async Task<IActionResult> Version(Guid id, Guid reportId, int number, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReport(id, reportId, number), cancellationToken);
        return outcome.Succeeded ? View("/Features/GranteeReports/Version.cshtml", new VersionPage(outcome.Value)) : NotFound();
    }
}
