using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;
using TrustFund.Application.Reports;
using TrustFund.Web.Features.Documents;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Portfolio;

/// <summary>
/// The portfolio report for fund managers and finance officers, on screen and as PDF, for a period
/// and a call. A period that ends before it starts (or a date that cannot be read) gets a message on
/// the page and a 400 page for the PDF; an unknown call answers 404; a period without grants gets a
/// document that says so. Each PDF is audited as an export and counted against the documents rate limit.
/// </summary>
public sealed class PortfolioController : Controller
{
    /// <summary>Who may read the portfolio report.</summary>
    private const string ReportReaders = $"{Roles.FundManager},{Roles.FinanceOfficer}";

    private readonly IUseCases _useCases;
    private readonly PdfResponses _pdf;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;

    public PortfolioController(IUseCases useCases, PdfResponses pdf, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _pdf = pdf;
        _clock = clock;
        _text = text;
    }

    [HttpGet("reports/portfolio")]
    [Authorize(Roles = ReportReaders)]
    public async Task<IActionResult> Portfolio([FromQuery] PortfolioFilters filters, CancellationToken cancellationToken)
    {
        var calls = await _useCases.RunAsync(new ListReportCalls(), cancellationToken);
        var (outcome, notFound) = await PortfolioAsync(filters, cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        return View("Portfolio", new PortfolioPage(filters, calls.Value, outcome?.Value));
    }

    [HttpGet("reports/portfolio.pdf")]
    [Authorize(Roles = ReportReaders)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> PortfolioPdf([FromQuery] PortfolioFilters filters, CancellationToken cancellationToken)
    {
        var (outcome, notFound) = await PortfolioAsync(filters, cancellationToken);
        if (notFound)
        {
            return NotFound();
        }

        if (outcome is null)
        {
            var problem = new PdfProblem(
                _text["The portfolio report cannot be made for this period"],
                string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage)),
                null,
                $"/reports/portfolio{filters.Query()}");
            return PdfResponses.Problem(this, problem, StatusCodes.Status400BadRequest);
        }

        var report = outcome.Value;
        var reference = report.Call?.Code ?? _text["All calls"].Value;
        return await _pdf.PdfAsync(
            this,
            "Portfolio",
            new PortfolioPage(filters, [], report),
            new PdfDocumentRequest(string.Empty, _text["Portfolio report"], reference, _clock.GetUtcNow(), Landscape: true),
            $"portfolio-{PdfResponses.FileNamePart(reference)}.pdf",
            new RecordDocumentExport("Portfolio report", report.Call is null ? "Portfolio" : "Call", report.Call?.Id ?? Guid.Empty, $"{reference} {filters.Query()}".TrimEnd()),
            $"/reports/portfolio{filters.Query()}",
            cancellationToken);
    }

    /// <summary>
    /// The report for the filters; null with the reasons in ModelState when they cannot be read or the
    /// period ends before it starts; notFound for an unknown call.
    /// </summary>
    private async Task<(Outcome<PortfolioReport>? Outcome, bool NotFound)> PortfolioAsync(PortfolioFilters filters, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var unreadable = ModelState.Where(e => e.Value is { Errors.Count: > 0 }).Select(e => e.Key).ToList();
            ModelState.Clear();
            foreach (var field in unreadable)
            {
                ModelState.AddModelError(field, _text["Enter the date as year-month-day, for example 2026-12-31."]);
            }

            return (null, false);
        }

        var outcome = await _useCases.RunAsync(new ShowPortfolio(filters.From, filters.To, filters.Call), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return (null, true);
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, field => field);
            return (null, false);
        }

        return (outcome, false);
    }
}
