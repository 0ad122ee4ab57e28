using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Applications;

/// <summary>Documents attached to an application, one upload form per document type the call requires.</summary>
public sealed partial class ApplicationsController
{
    /// <summary>Largest upload request accepted: a bit above the 10 MB file limit so an oversized file gets a clear message.</summary>
    public const long UploadRequestLimit = UploadedFiles.MaximumFileBytes + (2 * 1024 * 1024);

    [HttpGet("{id:guid}/Documents")]
    public async Task<IActionResult> Documents(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        return loaded is null ? NotFound() : await DocumentsViewAsync(loaded, cancellationToken);
    }

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
        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidOperationException)
        {
            var tooLarge = await LoadAsync(id, cancellationToken);
            if (tooLarge is null)
            {
                return NotFound();
            }

            ModelState.Clear();
            ModelState.AddModelError(string.Empty, _text["The file is larger than 10 MB. Each file can be at most 10 MB: make it smaller (for example, scan it at a lower resolution or save it as PDF) and upload it again."]);
            Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return await DocumentsViewAsync(tooLarge, cancellationToken);
        }

        try
        {
            await _antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        if (!loaded.Application.IsEditable)
        {
            TempData["Notice"] = _text["This application has been submitted and can no longer be changed."].Value;
            return Redirect($"/Applications/{id}/Documents");
        }

        var typeText = form["DocumentType"].ToString();
        if (!Enum.TryParse<DocumentType>(typeText, out var type) || !Enum.IsDefined(type) || int.TryParse(typeText, out _))
        {
            ModelState.AddModelError(string.Empty, _text["Choose which document you are uploading."]);
            return await DocumentsViewAsync(loaded, cancellationToken);
        }

        var field = FileField(type);
        var file = form.Files.GetFile("File");
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError(field, _text["Choose a file to upload."]);
            return await DocumentsViewAsync(loaded, cancellationToken);
        }

        if (file.Length > UploadedFiles.MaximumFileBytes)
        {
            ModelState.AddModelError(field, _text["The file is larger than 10 MB. Each file can be at most 10 MB: make it smaller (for example, scan it at a lower resolution or save it as PDF) and upload it again."]);
            return await DocumentsViewAsync(loaded, cancellationToken);
        }

        var used = await _db.Attachments.Where(a => a.ApplicationId == id).SumAsync(a => (long?)a.SizeBytes, cancellationToken) ?? 0;
        if (used + file.Length > UploadedFiles.MaximumApplicationBytes)
        {
            ModelState.AddModelError(field, _text["The documents of one application can add up to at most 50 MB. Remove a document or make this file smaller."]);
            return await DocumentsViewAsync(loaded, cancellationToken);
        }

        var bytes = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        var inspection = UploadedFiles.Inspect(file.FileName, bytes);
        if (!inspection.Accepted)
        {
            ModelState.AddModelError(field, _text[inspection.Problem!]);
            return await DocumentsViewAsync(loaded, cancellationToken);
        }

        var kind = inspection.Kind!.Value;
        var key = await _files.AddAsync(bytes, cancellationToken);
        var attachment = Attachment.Record(
            loaded.Application.OrganisationId,
            loaded.Application.Id,
            type,
            UploadedFiles.SafeName(file.FileName, kind),
            UploadedFiles.ContentTypeOf(kind),
            bytes.LongLength,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            key,
            Now,
            loaded.Applicant.Name);
        _db.Attachments.Add(attachment);
        _audit.Record(AuditActions.ApplicationDocumentAdded, $"{Labels.Of(type)} '{attachment.FileName}' attached to application {loaded.Application.Id}", nameof(Attachment), attachment.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = _text["'{0}' has been uploaded.", attachment.FileName].Value;
        return Redirect($"/Applications/{id}/Documents");
    }

    [HttpPost("{id:guid}/Documents/{attachmentId:guid}/Remove")]
    public async Task<IActionResult> RemoveDocument(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var attachment = await _db.Attachments.SingleOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == id, cancellationToken);
        if (attachment is null)
        {
            // Already removed (a repeated click) or never here.
            TempData["Notice"] = _text["That document is no longer attached."].Value;
            return Redirect($"/Applications/{id}/Documents");
        }

        if (!loaded.Application.IsEditable)
        {
            TempData["Notice"] = _text["This application has been submitted: its documents can no longer be removed."].Value;
            return Redirect($"/Applications/{id}/Documents");
        }

        _db.Attachments.Remove(attachment);
        await _files.RemoveAsync(attachment.StoredFileKey, cancellationToken);
        _audit.Record(AuditActions.ApplicationDocumentRemoved, $"{Labels.Of(attachment.DocumentType)} '{attachment.FileName}' removed from application {id}", nameof(Attachment), attachment.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = _text["'{0}' has been removed.", attachment.FileName].Value;
        return Redirect($"/Applications/{id}/Documents");
    }

    public static string FileField(DocumentType type) => $"File_{type}";

    private async Task<ViewResult> DocumentsViewAsync(LoadedApplication loaded, CancellationToken cancellationToken)
    {
        var attachments = await _db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == loaded.Application.OrganisationId && (a.ApplicationId == loaded.Application.Id || a.ApplicationId == null))
            .OrderBy(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        var required = loaded.Call.Terms.RequiredDocuments.Distinct().ToList();
        var types = required.Concat(attachments.Where(a => a.ApplicationId is not null).Select(a => a.DocumentType)).Append(DocumentType.Other).Distinct().ToList();
        var slots = types.Select(t => new DocumentSlot(
                t,
                required.Contains(t),
                t == DocumentType.ReferenceLetter ? 2 : 1,
                attachments.Where(a => a.DocumentType == t && a.ApplicationId is not null).Select(Row).ToList(),
                attachments.Where(a => a.DocumentType == t && a.ApplicationId is null).Select(Row).ToList()))
            .ToList();
        ViewData["Title"] = _text["Documents"].Value;
        return View("Documents", new DocumentsModel(Header(loaded), slots, attachments.Where(a => a.ApplicationId is not null).Sum(a => a.SizeBytes)));

        static AttachmentRow Row(Attachment a) => new(a.Id, a.FileName, a.SizeBytes, a.UploadedAtUtc, a.UploadedBy);
    }
}
