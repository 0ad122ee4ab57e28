using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;

namespace TrustFund.Web.Features.Documents;

/// <summary>
/// How every document controller answers for a PDF: the document's Razor view printed by the
/// <see cref="IPdfRenderer"/>, audited as an export once printed; when no PDF can be printed, a page
/// saying why (503, with a link to the on-screen version), never an error.
/// </summary>
public sealed class PdfResponses
{
    /// <summary>Seconds a reader is asked to wait when every render slot is busy.</summary>
    public const int BusyRetryAfterSeconds = 10;

    /// <summary>The page that says why there is no PDF.</summary>
    private const string ProblemView = "~/Features/Documents/PdfUnavailable.cshtml";

    private readonly IUseCases _useCases;
    private readonly IPdfRenderer _pdf;
    private readonly DocumentViews _views;
    private readonly IStringLocalizer<SharedResource> _text;
    private readonly ILogger<PdfResponses> _logger;

    public PdfResponses(IUseCases useCases, IPdfRenderer pdf, DocumentViews views, IStringLocalizer<SharedResource> text, ILogger<PdfResponses> logger)
    {
        _useCases = useCases;
        _pdf = pdf;
        _views = views;
        _text = text;
        _logger = logger;
    }

    /// <summary>The view <paramref name="view"/> of <paramref name="controller"/> as a PDF download, or the page saying why there is none.</summary>
    public async Task<IActionResult> PdfAsync(Controller controller, string view, object model, PdfDocumentRequest request, string fileName, RecordDocumentExport export, string htmlVersion, CancellationToken cancellationToken)
    {
        byte[] pdf;
        try
        {
            var html = await _views.RenderAsync(controller, view, model);
            pdf = await _pdf.RenderAsync(request with { Html = html, Frame = new PageFrameWords(CultureInfo.CurrentCulture, _text["Generated {0}"], _text["Page {0} of {1}"]) }, cancellationToken);
        }
        catch (PdfBrowserUnavailableException e)
        {
            DocumentLog.BrowserUnavailable(_logger, e);
            return Problem(controller, new PdfProblem(
                _text["PDFs cannot be made on this server yet"],
                _text["The server has no browser to print PDFs with. The on-screen version below has the same content; an administrator can make PDFs work."],
                PdfBrowserUnavailableException.Remedy,
                htmlVersion));
        }
        catch (PdfRendererBusyException)
        {
            controller.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(controller, new PdfProblem(
                _text["The PDF printer is busy"],
                _text["Other documents are being printed. Please try again in a few seconds."],
                null,
                htmlVersion));
        }
        catch (PdfRenderFailedException e)
        {
            DocumentLog.RenderFailed(_logger, e);
            controller.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Problem(controller, new PdfProblem(
                _text["The PDF could not be printed"],
                _text["Printing this document failed or took too long. Please try again; if it keeps failing, use the on-screen version."],
                null,
                htmlVersion));
        }

        await _useCases.RunAsync(export, cancellationToken);
        return controller.File(pdf, "application/pdf", fileName);
    }

    /// <summary>The page saying why there is no PDF, with <paramref name="status"/> (503 unless told).</summary>
    public static ViewResult Problem(Controller controller, PdfProblem problem, int status = StatusCodes.Status503ServiceUnavailable)
    {
        var result = controller.View(ProblemView, problem);
        result.StatusCode = status;
        return result;
    }

    /// <summary>Letters, digits and dashes only, for a download's file name.</summary>
    public static string FileNamePart(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
}
