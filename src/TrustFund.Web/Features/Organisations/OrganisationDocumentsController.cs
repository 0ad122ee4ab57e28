using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Application.Organisations;
using TrustFund.Domain.Calls;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Organisation-level documents, reused by every application: upload, download, remove.</summary>
[Route("Organisation/Documents")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class OrganisationDocumentsController : Controller
{
    private const string DocumentsView = "/Features/Organisations/Documents.cshtml";

    private readonly IUseCases _useCases;
    private readonly IAntiforgery _antiforgery;
    private readonly IStringLocalizer<SharedResource> _text;

    public OrganisationDocumentsController(IUseCases useCases, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _antiforgery = antiforgery;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken) =>
        await PageAsync(new DocumentUploadInput(), cancellationToken);

    /// <summary>
    /// Reads the multipart form itself (antiforgery checked here, after the read), so a file that is too large
    /// or an upload cut off comes back with the chosen type kept and the file named.
    /// </summary>
    [HttpPost("")]
    [RateLimited(RateLimitPolicies.Uploads)]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(DocumentFiles.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.RequestLimitBytes)]
    public async Task<IActionResult> Upload()
    {
        // No action parameters: MVC must not read the form before the limits and errors below apply.
        var cancellationToken = HttpContext.RequestAborted;
        var form = await UploadForm.ReadAsync(Request, nameof(DocumentUploadInput.File), UploadedFiles.MaximumFileBytes, DocumentFiles.RequestLimitBytes, cancellationToken);
        var input = new DocumentUploadInput { DocumentType = form[nameof(DocumentUploadInput.DocumentType)] };
        if (form.Problem != UploadProblem.None)
        {
            // The form did not arrive whole: nothing is changed, the page says which file to send again.
            ModelState.AddModelError(nameof(DocumentUploadInput.File), UploadMessages.NotReceived(_text, form));
            return await PageAsync(input, cancellationToken, form.Problem == UploadProblem.RequestTooLarge ? StatusCodes.Status413PayloadTooLarge : null);
        }

        try
        {
            await _antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        var typeKnown = Enum.TryParse<DocumentType>(input.DocumentType, out var type) && Enum.IsDefined(type);
        if (!typeKnown)
        {
            ModelState.AddModelError(nameof(DocumentUploadInput.DocumentType), _text["Choose the type of document."]);
        }

        if (form.FileName is null || form.Content is not { Length: > 0 })
        {
            ModelState.AddModelError(nameof(DocumentUploadInput.File), form.FileName is null ? _text["Choose a file to upload."] : _text["'{0}' is empty: choose the file again and upload it.", form.ShownFileName]);
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new UploadOrganisationDocument(type, form.FileName!, form.Content!), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, _ => nameof(DocumentUploadInput.File));
            ModelState.AddModelError(nameof(DocumentUploadInput.File), UploadMessages.NotUploaded(_text, form));
            return await PageAsync(input, cancellationToken);
        }

        TempData["Notice"] = outcome.Value.AlreadyUploaded
            ? _text["This file was already uploaded as this type of document."].Value
            : _text["{0} has been uploaded.", outcome.Value.FileName].Value;
        return Redirect("/Organisation/Documents");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DownloadOrganisationDocument(null, id), cancellationToken);
        return outcome.Succeeded ? File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    [HttpPost("{id:guid}/Remove")]
    public async Task<IActionResult> RemoveDocument(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new RemoveOrganisationDocument(id), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return await PageAsync(new DocumentUploadInput(), cancellationToken);
        }

        TempData["Notice"] = _text["{0} has been removed.", outcome.Value].Value;
        return Redirect("/Organisation/Documents");
    }

    private async Task<IActionResult> PageAsync(DocumentUploadInput input, CancellationToken cancellationToken, int? status = null)
    {
        var documents = await _useCases.RunAsync(new ListOrganisationDocuments(), cancellationToken);
        if (!documents.Succeeded)
        {
            return NotFound();
        }

        ViewData["Documents"] = documents.Value;
        ViewData["MaximumBytes"] = UploadedFiles.MaximumFileBytes;
        if (status is { } code)
        {
            Response.StatusCode = code;
        }

        return View(DocumentsView, input);
    }
}
