using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Application.Exports;
using TrustFund.Web.Features.Grants;
using TrustFund.Web.Features.ManageApplications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Exports;

/// <summary>
/// CSV and XLSX exports at stable addresses: the applications list (with its filters), the reviews
/// (fund managers), the payments ledger and the grants (fund managers and finance officers). Each
/// export is audited before its rows are read, counted against the per-user documents rate limit, and
/// streamed from the database to the response. An unknown format or call answers 404.
/// </summary>
public sealed class ExportsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IEnumerable<IExportWriter> _writers;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public ExportsController(IUseCases useCases, IEnumerable<IExportWriter> writers, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _writers = writers;
        _clock = clock;
        _text = text;
    }

    [HttpGet("Manage/Applications/export.{format}")]
    [Authorize(Policy = Capabilities.ManageFund)]
    [RateLimited(RateLimitPolicies.Documents)]
    public Task<IActionResult> Applications(string format, [FromQuery] ApplicationListQuery query, CancellationToken cancellationToken)
    {
        // Amounts that cannot be read are no bound, as on the list (which explains them).
        ApplicationListFilters.Read(query);
        return ExportAsync(format, new ExportApplications(query), "Applications", query.Filters(), null, cancellationToken);
    }

    [HttpGet("exports/reviews.{format}")]
    [Authorize(Policy = Capabilities.ManageFund)]
    [RateLimited(RateLimitPolicies.Documents)]
    public Task<IActionResult> Reviews(string format, Guid? call, CancellationToken cancellationToken) =>
        ExportAsync(format, new ExportReviews(call), "Reviews", call is null ? string.Empty : $"call={call}", call, cancellationToken);

    [HttpGet("exports/ledger.{format}")]
    [Authorize(Roles = $"{Roles.FundManager},{Roles.FinanceOfficer}")]
    [RateLimited(RateLimitPolicies.Documents)]
    public Task<IActionResult> Ledger(string format, CancellationToken cancellationToken) =>
        ExportAsync(format, new ExportLedger(), "Payments ledger", string.Empty, null, cancellationToken);

    [HttpGet("exports/grants.{format}")]
    [Authorize(Roles = $"{Roles.FundManager},{Roles.FinanceOfficer}")]
    [RateLimited(RateLimitPolicies.Documents)]
    public Task<IActionResult> Grants(string format, [FromQuery] GrantListFilters filters, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var request = filters.ToRequest();
        var described = string.Join(
            "&",
            new[] { ("status", request.Status?.ToString()), ("call", request.CallId?.ToString()), ("search", request.Search), ("overdue", request.OverdueOnly ? "true" : null) }
                .Where(f => !string.IsNullOrWhiteSpace(f.Item2))
                .Select(f => $"{f.Item1}={f.Item2}"));
        return ExportAsync(format, new ExportGrants(request), "Grants", described, null, cancellationToken);
    }

    private async Task<IActionResult> ExportAsync(string format, IUseCase<ExportTable> request, string export, string filters, Guid? callId, CancellationToken cancellationToken)
    {
        if (ExportFormats.Parse(format) is not { } chosen)
        {
            return NotFound();
        }

        var outcome = await _useCases.RunAsync(request, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        await _useCases.RunAsync(new RecordDataExport(export, chosen, filters, callId is null ? null : "Call", callId), cancellationToken);
        return new ExportResult(outcome.Value.WithHeadersIn(h => _text[h]), _writers.Single(w => w.Format == chosen), DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime));
    }
}
