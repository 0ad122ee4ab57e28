using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;
using TrustFund.Application.Reports;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Documents;

/// <summary>
/// Documents at stable addresses, on screen and as PDF: an application's dossier (its organisation and
/// the Secretariat, each their own version), a call's board pack (the Secretariat), a grant's award
/// letter and payment statement (its organisation, fund managers and finance officers) and the
/// portfolio report (fund managers and finance officers). Records the reader
/// may not see answer 404; each PDF is audited as an export and counted against the documents rate limit.
/// When no PDF can be printed the answer is a page saying why (503), never an error.
/// </summary>
public sealed class DocumentsController : Controller
{
    /// <summary>Seconds a reader is asked to wait when every render slot is busy.</summary>
    public const int BusyRetryAfterSeconds = 10;

    /// <summary>Who may read a grant's documents (each grant is checked again: an organisation reads only its own).</summary>
    private const string GrantReaders = $"{Roles.Applicant},{Roles.FundManager},{Roles.FinanceOfficer}";

    /// <summary>Who may read the portfolio report.</summary>
    private const string ReportReaders = $"{Roles.FundManager},{Roles.FinanceOfficer}";

    private readonly IUseCases _useCases;
    private readonly IPdfRenderer _pdf;
    private readonly DocumentViews _views;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<SharedResource> _text;
    private readonly ILogger<DocumentsController> _logger;

    public DocumentsController(IUseCases useCases, IPdfRenderer pdf, DocumentViews views, TimeProvider clock, IStringLocalizer<SharedResource> text, ILogger<DocumentsController> logger)
    {
        _useCases = useCases;
        _pdf = pdf;
        _views = views;
        _clock = clock;
        _text = text;
        _logger = logger;
    }

    [HttpGet("applications/{id:guid}/dossier")]
    [Authorize(Roles = $"{Roles.Applicant},{Roles.FundManager}")]
    public async Task<IActionResult> Dossier(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowDossier(id), cancellationToken);
        return outcome.Succeeded ? View("Dossier", outcome.Value) : NotFound();
    }

    [HttpGet("applications/{id:guid}/dossier.pdf")]
    [Authorize(Roles = $"{Roles.Applicant},{Roles.FundManager}")]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> DossierPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowDossier(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var dossier = outcome.Value;
        return await PdfAsync(
            "Dossier",
            dossier,
            new PdfDocumentRequest(string.Empty, _text["Application dossier"], dossier.Reference, _clock.GetUtcNow()),
            $"dossier-{FileNamePart(dossier.Reference ?? dossier.ApplicationId.ToString("N"))}.pdf",
            new RecordDocumentExport(dossier.ForSecretariat ? "Application dossier" : "Application dossier (applicant's version)", nameof(GrantApplication), dossier.ApplicationId, dossier.Label),
            $"/applications/{id}/dossier",
            cancellationToken);
    }

    [HttpGet("calls/{id:guid}/board-pack")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> BoardPack(Guid id, bool anonymise = false, CancellationToken cancellationToken = default)
    {
        var outcome = await _useCases.RunAsync(new ShowBoardPack(id, anonymise), cancellationToken);
        return outcome.Succeeded ? View("BoardPack", outcome.Value) : NotFound();
    }

    [HttpGet("calls/{id:guid}/board-pack.pdf")]
    [Authorize(Policy = Capabilities.ManageFund)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> BoardPackPdf(Guid id, bool anonymise = false, CancellationToken cancellationToken = default)
    {
        var outcome = await _useCases.RunAsync(new ShowBoardPack(id, anonymise), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var pack = outcome.Value;
        return await PdfAsync(
            "BoardPack",
            pack,
            new PdfDocumentRequest(string.Empty, _text["Board pack"], pack.Call.Code, _clock.GetUtcNow(), Landscape: true),
            $"board-pack-{FileNamePart(pack.Call.Code)}{(anonymise ? "-anonymised" : string.Empty)}.pdf",
            new RecordDocumentExport(anonymise ? "Board pack (reviewers anonymised)" : "Board pack", "Call", pack.Call.Id, pack.Call.Code),
            $"/calls/{id}/board-pack{(anonymise ? "?anonymise=true" : string.Empty)}",
            cancellationToken);
    }

    [HttpGet("grants/{id:guid}/award-letter")]
    [Authorize(Roles = GrantReaders)]
    public async Task<IActionResult> AwardLetter(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAwardLetter(id), cancellationToken);
        return outcome.Succeeded ? View("AwardLetter", outcome.Value) : NotFound();
    }

    [HttpGet("grants/{id:guid}/award-letter.pdf")]
    [Authorize(Roles = GrantReaders)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> AwardLetterPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowAwardLetter(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var letter = outcome.Value;
        return await PdfAsync(
            "AwardLetter",
            letter,
            new PdfDocumentRequest(string.Empty, _text["Award letter"], letter.Number, _clock.GetUtcNow()),
            $"award-letter-{FileNamePart(letter.Number)}.pdf",
            new RecordDocumentExport("Award letter", nameof(Grant), letter.GrantId, letter.Number),
            $"/grants/{id}/award-letter",
            cancellationToken);
    }

    [HttpGet("grants/{id:guid}/statement")]
    [Authorize(Roles = GrantReaders)]
    public async Task<IActionResult> Statement(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowPaymentStatement(id), cancellationToken);
        return outcome.Succeeded ? View("Statement", outcome.Value) : NotFound();
    }

    [HttpGet("grants/{id:guid}/statement.pdf")]
    [Authorize(Roles = GrantReaders)]
    [RateLimited(RateLimitPolicies.Documents)]
    public async Task<IActionResult> StatementPdf(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowPaymentStatement(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var statement = outcome.Value;
        return await PdfAsync(
            "Statement",
            statement,
            new PdfDocumentRequest(string.Empty, _text["Payment statement"], statement.Number, _clock.GetUtcNow()),
            $"statement-{FileNamePart(statement.Number)}.pdf",
            new RecordDocumentExport(statement.StaffView ? "Payment statement" : "Payment statement (grantee's version)", nameof(Grant), statement.GrantId, statement.Number),
            $"/grants/{id}/statement",
            cancellationToken);
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
            var page = View("PdfUnavailable", problem);
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }

        var report = outcome.Value;
        var reference = report.Call?.Code ?? _text["All calls"].Value;
        return await PdfAsync(
            "Portfolio",
            new PortfolioPage(filters, [], report),
            new PdfDocumentRequest(string.Empty, _text["Portfolio report"], reference, _clock.GetUtcNow(), Landscape: true),
            $"portfolio-{FileNamePart(reference)}.pdf",
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

    private async Task<IActionResult> PdfAsync(string view, object model, PdfDocumentRequest request, string fileName, RecordDocumentExport export, string htmlVersion, CancellationToken cancellationToken)
    {
        byte[] pdf;
        try
        {
            var html = await _views.RenderAsync(this, view, model);
            pdf = await _pdf.RenderAsync(request with { Html = html }, cancellationToken);
        }
        catch (PdfBrowserUnavailableException e)
        {
            DocumentLog.BrowserUnavailable(_logger, e);
            return Unavailable(new PdfProblem(
                _text["PDFs cannot be made on this server yet"],
                _text["The server has no browser to print PDFs with. The on-screen version below has the same content; an administrator can make PDFs work."],
                PdfBrowserUnavailableException.Remedy,
                htmlVersion));
        }
        catch (PdfRendererBusyException)
        {
            Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Unavailable(new PdfProblem(
                _text["The PDF printer is busy"],
                _text["Other documents are being printed. Please try again in a few seconds."],
                null,
                htmlVersion));
        }
        catch (PdfRenderFailedException e)
        {
            DocumentLog.RenderFailed(_logger, e);
            Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Unavailable(new PdfProblem(
                _text["The PDF could not be printed"],
                _text["Printing this document failed or took too long. Please try again; if it keeps failing, use the on-screen version."],
                null,
                htmlVersion));
        }

        await _useCases.RunAsync(export, cancellationToken);
        return File(pdf, "application/pdf", fileName);
    }

    private ViewResult Unavailable(PdfProblem problem)
    {
        var result = View("PdfUnavailable", problem);
        result.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return result;
    }

    /// <summary>Letters, digits and dashes only, for a download's file name.</summary>
    private static string FileNamePart(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
}
