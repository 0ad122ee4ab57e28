using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Web.Hosting;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Organisation-level documents, reused by every application.</summary>
public sealed partial class OrganisationsController
{
    [HttpGet("Documents")]
    public async Task<IActionResult> Documents(CancellationToken cancellationToken)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        return await DocumentsView(organisationId, new DocumentUploadInput(), cancellationToken);
    }

    [HttpPost("Documents")]
    [RateLimited(RateLimitPolicies.Uploads)]
    [RequestSizeLimit(DocumentFiles.RequestLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = DocumentFiles.RequestLimitBytes)]
    public async Task<IActionResult> Upload(DocumentUploadInput input, CancellationToken cancellationToken)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } organisationId)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await DocumentsView(organisationId, input, cancellationToken);
        }

        var (content, inspection) = await DocumentFiles.ReadAsync(input.File!, cancellationToken);
        if (!inspection.Accepted || content is null)
        {
            ModelState.AddModelError(nameof(DocumentUploadInput.File), _text[inspection.Problem ?? "The file cannot be accepted."]);
            return await DocumentsView(organisationId, input, cancellationToken);
        }

        var type = Enum.Parse<DocumentType>(input.DocumentType!);
        var hash = DocumentFiles.Sha256Of(content);
        if (await _db.Attachments.AnyAsync(a => a.OrganisationId == organisationId && a.ApplicationId == null && a.DocumentType == type && a.Sha256 == hash, cancellationToken))
        {
            TempData["Notice"] = _text["This file was already uploaded as this type of document."].Value;
            return Redirect("/Organisation/Documents");
        }

        var used = await _db.Attachments.Where(a => a.OrganisationId == organisationId && a.ApplicationId == null).SumAsync(a => a.SizeBytes, cancellationToken);
        if (used + content.LongLength > UploadedFiles.MaximumApplicationBytes)
        {
            ModelState.AddModelError(nameof(DocumentUploadInput.File), _text["Your organisation's documents would exceed 50 MB in total. Remove an old document first."]);
            return await DocumentsView(organisationId, input, cancellationToken);
        }

        var attachment = await DocumentFiles.StoreAsync(_files, content, inspection.Kind!.Value, input.File!.FileName, organisationId, null, type, User.Identity!.Name!, _clock.GetUtcNow().UtcDateTime, cancellationToken);
        _db.Attachments.Add(attachment);
        _audit.Record(AuditActions.OrganisationDocumentUploaded, $"Organisation document {attachment.FileName} ({type}) uploaded", nameof(Attachment), attachment.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = _text["{0} has been uploaded.", attachment.FileName].Value;
        return Redirect("/Organisation/Documents");
    }

    [HttpGet("Documents/{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken cancellationToken)
    {
        if (await OwnDocumentAsync(id, cancellationToken) is not { } attachment
            || await DocumentFiles.DownloadAsync(_files, attachment, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return file;
    }

    [HttpPost("Documents/{id:guid}/Remove")]
    public async Task<IActionResult> RemoveDocument(Guid id, CancellationToken cancellationToken)
    {
        if (await OwnDocumentAsync(id, cancellationToken, track: true) is not { } attachment)
        {
            return NotFound();
        }

        _db.Attachments.Remove(attachment);
        await _files.RemoveAsync(attachment.StoredFileKey, cancellationToken);
        _audit.Record(AuditActions.OrganisationDocumentRemoved, $"Organisation document {attachment.FileName} ({attachment.DocumentType}) removed", nameof(Attachment), attachment.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = _text["{0} has been removed.", attachment.FileName].Value;
        return Redirect("/Organisation/Documents");
    }

    private async Task<Attachment?> OwnDocumentAsync(Guid id, CancellationToken cancellationToken, bool track = false)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } organisationId)
        {
            return null;
        }

        var query = track ? _db.Attachments : _db.Attachments.AsNoTracking();
        return await query.SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == organisationId && a.ApplicationId == null, cancellationToken);
    }

    private async Task<ViewResult> DocumentsView(Guid organisationId, DocumentUploadInput input, CancellationToken cancellationToken)
    {
        var documents = await _db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.ApplicationId == null)
            .OrderBy(a => a.DocumentType).ThenByDescending(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        ViewData["Documents"] = documents;
        ViewData["MaximumBytes"] = UploadedFiles.MaximumFileBytes;
        return View("Documents", input);
    }
}
