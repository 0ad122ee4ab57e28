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
    private readonly IStringLocalizer<SharedResource> _text;

    public OrganisationDocumentsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken) =>
        await PageAsync(new DocumentUploadInput(), cancellationToken);

    [HttpPost("")]
    [RateLimited(RateLimitPolicies.Uploads)]
    [RequestSizeLimit(DocumentFiles.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.RequestLimitBytes)]
    public async Task<IActionResult> Upload(DocumentUploadInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(input, cancellationToken);
        }

        if (input.File!.Length > UploadedFiles.MaximumFileBytes)
        {
            ModelState.AddModelError(nameof(DocumentUploadInput.File), _text["The file is larger than 10 MB."]);
            return await PageAsync(input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new UploadOrganisationDocument(Enum.Parse<DocumentType>(input.DocumentType!), input.File.FileName, await ReadAsync(input.File, cancellationToken)), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
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

    private static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Max(0, file.Length));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private async Task<IActionResult> PageAsync(DocumentUploadInput input, CancellationToken cancellationToken)
    {
        var documents = await _useCases.RunAsync(new ListOrganisationDocuments(), cancellationToken);
        if (!documents.Succeeded)
        {
            return NotFound();
        }

        ViewData["Documents"] = documents.Value;
        ViewData["MaximumBytes"] = UploadedFiles.MaximumFileBytes;
        return View(DocumentsView, input);
    }
}
