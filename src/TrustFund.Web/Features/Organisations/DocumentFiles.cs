using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Files;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;

namespace TrustFund.Web.Features.Organisations;

/// <summary>Reading uploads (checked by content, bounded in size) and serving stored documents as downloads.</summary>
public static class DocumentFiles
{
    /// <summary>Room for the largest accepted file plus the form around it; larger requests are cut off.</summary>
    public const long RequestLimitBytes = UploadedFiles.MaximumFileBytes + (1024 * 1024);

    /// <summary>Reads and inspects an upload: the bytes and recognised kind, or why it was refused.</summary>
    public static async Task<(byte[]? Content, FileInspection Inspection)> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        if (file.Length > UploadedFiles.MaximumFileBytes)
        {
            return (null, FileInspection.Refused("The file is larger than 10 MB."));
        }

        using var buffer = new MemoryStream((int)Math.Max(0, file.Length));
        await file.CopyToAsync(buffer, cancellationToken);
        var content = buffer.ToArray();
        return (content, UploadedFiles.Inspect(file.FileName, content));
    }

    /// <summary>Stores inspected bytes and describes them as an attachment (saved with the next SaveChanges).</summary>
    public static async Task<Attachment> StoreAsync(
        IFileStore store, byte[] content, FileKind kind, string uploadedName, Guid organisationId, Guid? applicationId, DocumentType type, string uploadedBy, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var key = await store.AddAsync(content, cancellationToken);
        return Attachment.Record(
            organisationId,
            applicationId,
            type,
            UploadedFiles.SafeName(uploadedName, kind),
            UploadedFiles.ContentTypeOf(kind),
            content.LongLength,
            Sha256Of(content),
            key,
            nowUtc,
            uploadedBy);
    }

    public static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The stored bytes as a download (never shown inline), or null when the bytes are missing.</summary>
    public static async Task<FileContentResult?> DownloadAsync(IFileStore store, Attachment attachment, CancellationToken cancellationToken)
    {
        var bytes = await store.ReadAsync(attachment.StoredFileKey, cancellationToken);
        return bytes is null ? null : new FileContentResult(bytes, attachment.ContentType) { FileDownloadName = attachment.FileName };
    }
}
