using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Files;
using TrustFund.Domain.Documents;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Upload request limits, and stored documents served as downloads.</summary>
public static class DocumentFiles
{
    /// <summary>Room for the largest accepted file plus the form around it; larger requests are cut off.</summary>
    public const long RequestLimitBytes = UploadedFiles.MaximumFileBytes + (1024 * 1024);

    /// <summary>The stored bytes as a download (never shown inline), or null when the bytes are missing.</summary>
    public static async Task<FileContentResult?> DownloadAsync(IFileStore store, Attachment attachment, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(attachment.StoredFileKey, cancellationToken);
        return bytes is null ? null : new FileContentResult(bytes, attachment.ContentType) { FileDownloadName = attachment.FileName };
    }
}
