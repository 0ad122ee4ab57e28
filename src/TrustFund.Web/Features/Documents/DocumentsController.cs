using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;
using TrustFund.Domain.Applications;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Documents;

/// <summary>
/// Documents at stable addresses, on screen and as PDF: an application's dossier (its organisation and
/// the Secretariat, each their own version) and a call's board pack (the Secretariat). Records the reader
/// may not see answer 404; each PDF is audited as an export and counted against the documents rate limit.
/// When no PDF can be printed the answer is a page saying why (503), never an error.
/// </summary>
public sealed class DocumentsController : Controller
{
    /// <summary>Seconds a reader is asked to wait when every render slot is busy.</summary>
    public const int BusyRetryAfterSeconds = 10;

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
