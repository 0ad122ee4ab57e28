using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;

namespace TrustFund.Web.Features.Audit;

/// <summary>The audit trail for administrators: browse and filter it, and check that its hash chain is intact.</summary>
[Route("Admin/Audit")]
[Authorize(Policy = Capabilities.ViewAuditLog)]
public sealed class AuditController : Controller
{
    private readonly IUseCases _useCases;

    public AuditController(IUseCases useCases) => _useCases = useCases;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditLogQuery query, CancellationToken cancellationToken)
    {
        var choices = (await _useCases.RunAsync(new ListAuditFilterChoices(), cancellationToken)).Value;
        if (!ModelState.IsValid)
        {
            return View(new AuditLogPage(query, false, [], null, null, choices));
        }

        var slice = (await _useCases.RunAsync(query.ToRequest(), cancellationToken)).Value;
        var rows = slice.Rows;

        // An empty page (before the oldest entry) leads back to the newest page.
        var newer = !slice.HasNewer ? null
            : rows.Count > 0 ? $"/Admin/Audit{query.ToQueryString(after: rows[0].Sequence)}"
            : $"/Admin/Audit{query.ToQueryString()}";
        var older = slice.HasOlder && rows.Count > 0 ? $"/Admin/Audit{query.ToQueryString(before: rows[^1].Sequence)}" : null;
        return View(new AuditLogPage(query, true, rows, newer, older, choices));
    }

    [HttpGet("{sequence:long}")]
    public async Task<IActionResult> Entry(long sequence, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAuditEntry(sequence), cancellationToken);
        return outcome.Succeeded ? View(outcome.Value) : NotFound();
    }

    [HttpPost("Verify")]
    public async Task<IActionResult> Verify(CancellationToken cancellationToken) =>
        View("Verified", (await _useCases.RunAsync(new VerifyAuditChain(), cancellationToken)).Value);
}
