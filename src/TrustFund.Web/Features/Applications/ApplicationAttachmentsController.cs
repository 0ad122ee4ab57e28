using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Web.Features.Shared;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Applications;

/// <summary>Documents attached to a draft, one upload form per document type the call requires (<see cref="AttachDocument"/>, <see cref="RemoveDocument"/>).</summary>
[Route("Applications")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class ApplicationAttachmentsController : Controller
{
    /// <summary>Largest upload request accepted: a bit above the 10 MB file limit so an oversized file gets a clear message.</summary>
    public const long UploadRequestLimit = UploadedFiles.MaximumFileBytes + (2 * 1024 * 1024);

    private readonly IUseCases _useCases;
    private readonly IAntiforgery _antiforgery;
    private readonly IStringLocalizer<SharedResource> _text;

    public ApplicationAttachmentsController(IUseCases useCases, IAntiforgery antiforgery, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _antiforgery = antiforgery;
        _text = text;
    }

    public static string FileField(DocumentType type) => $"File_{type}";

    [HttpGet("{id:guid}/Documents")]
    public Task<IActionResult> Documents(Guid id, CancellationToken cancellationToken) => DocumentsViewAsync(id, cancellationToken);

    /// <summary>
    /// Reads the multipart form itself (antiforgery checked here, after the read), so a request over
    /// the size limit gets the documents page with a clear message instead of a bare error.
    /// </summary>
    [HttpPost("{id:guid}/Documents")]
    [RateLimited(RateLimitPolicies.Uploads)]
    [IgnoreAntiforgeryToken]
    [RequestSizeLimit(UploadRequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadRequestLimit)]
    public async Task<IActionResult> Upload()
    {
        // No action parameters: MVC must not read the form before the limits and errors below apply.
        if (!Guid.TryParse(RouteData.Values["id"]?.ToString(), out var id))
        {
            return NotFound();
        }

        var cancellationToken = HttpContext.RequestAborted;
        var form = await UploadForm.ReadAsync(Request, "File", UploadedFiles.MaximumFileBytes, UploadRequestLimit, cancellationToken);
        var typeText = form["DocumentType"];
        var typeKnown = Enum.TryParse<DocumentType>(typeText, out var type) && Enum.IsDefined(type) && !int.TryParse(typeText, out _);
        if (form.Problem != UploadProblem.None)
        {
            // The form did not arrive whole: nothing is changed, the page says which file to send again.
            ModelState.Clear();
            ModelState.AddModelError(typeKnown ? FileField(type) : string.Empty, UploadMessages.NotReceived(_text, form));
            return await DocumentsViewAsync(id, cancellationToken, form.Problem == UploadProblem.RequestTooLarge ? StatusCodes.Status413PayloadTooLarge : null);
        }

        try
        {
            await _antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        var shown = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
        if (!shown.Succeeded)
        {
            return NotFound();
        }

        if (!shown.Value.Application.IsEditable)
        {
            return NotEditable(id);
        }

        if (!typeKnown)
        {
            ModelState.AddModelError(string.Empty, _text["Choose which document you are uploading."]);
            return await DocumentsViewAsync(id, cancellationToken);
        }

        var field = FileField(type);
        if (form.FileName is null || form.Content is not { Length: > 0 } bytes)
        {
            ModelState.AddModelError(field, form.FileName is null ? _text["Choose a file to upload."] : _text["'{0}' is empty: choose the file again and upload it.", form.ShownFileName]);
            return await DocumentsViewAsync(id, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new AttachDocument(id, type, form.FileName, bytes), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, _ => field);
            ModelState.AddModelError(field, UploadMessages.NotUploaded(_text, form));
            return await DocumentsViewAsync(id, cancellationToken);
        }

        if (!outcome.Value.Attached)
        {
            return NotEditable(id);
        }

        TempData["Notice"] = _text["'{0}' has been uploaded.", outcome.Value.FileName!].Value;
        return Redirect($"/Applications/{id}/Documents");
    }

    [HttpPost("{id:guid}/Documents/{attachmentId:guid}/Remove")]
    public async Task<IActionResult> RemoveDocument(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new RemoveDocument(id, attachmentId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        TempData["Notice"] = outcome.Value.Result switch
        {
            RemovalResult.NotAttached => _text["That document is no longer attached."].Value,
            RemovalResult.NotEditable => _text["This application has been submitted: its documents can no longer be removed."].Value,
            _ => _text["'{0}' has been removed.", outcome.Value.FileName!].Value,
        };
        return Redirect($"/Applications/{id}/Documents");
    }

    private RedirectResult NotEditable(Guid id)
    {
        TempData["Notice"] = _text["This application has been submitted and can no longer be changed."].Value;
        return Redirect($"/Applications/{id}/Documents");
    }

    private async Task<IActionResult> DocumentsViewAsync(Guid id, CancellationToken cancellationToken, int? status = null)
    {
        var outcome = await _useCases.RunAsync(new ShowApplicationDocuments(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (status is { } code)
        {
            Response.StatusCode = code;
        }

        var details = outcome.Value.Details;
        var attachments = outcome.Value.Attachments;
        var required = details.Call.Terms.RequiredDocuments.Distinct().ToList();
        var types = required.Concat(attachments.Where(a => a.ApplicationId is not null).Select(a => a.DocumentType)).Append(DocumentType.Other).Distinct().ToList();
        var slots = types.Select(t => new DocumentSlot(
                t,
                required.Contains(t),
                t == DocumentType.ReferenceLetter ? 2 : 1,
                [.. attachments.Where(a => a.DocumentType == t && a.ApplicationId is not null).Select(Row)],
                [.. attachments.Where(a => a.DocumentType == t && a.ApplicationId is null).Select(Row)]))
            .ToList();
        ViewData["Title"] = _text["Documents"].Value;
        return View(ApplicationPages.View("Documents"), new DocumentsModel(ApplicationPages.Header(details), slots, attachments.Where(a => a.ApplicationId is not null).Sum(a => a.SizeBytes)));

        static AttachmentRow Row(Attachment a) => new(a.Id, a.FileName, a.SizeBytes, a.UploadedAtUtc, a.UploadedBy);
    }
}
