using System.IO.Compression;
using System.Text;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Files;

/// <summary>
/// Recognises accepted file types from their bytes (never from the name), checks the name's
/// extension agrees, bounds Office documents against zip bombs, and makes a safe download name.
/// </summary>
public static class UploadedFiles
{
    public const long MaximumFileBytes = 10 * 1024 * 1024;
    public const long MaximumApplicationBytes = 50 * 1024 * 1024;
    public const int FileNameMaxLength = 150;

    // An Office document expands a few times; far beyond that it is a zip bomb.
    private const long MaximumUncompressedBytes = 100 * 1024 * 1024;
    private const int MaximumZipEntries = 2000;

    // Browsers sniff the start of a response for markup.
    private const int HtmlSniffBytes = 1024;
    private static readonly string[] HtmlMarkers = ["<html", "<script", "<svg", "<!doctype", "<body", "<iframe", "<head", "<img", "<object", "<embed"];
    private static readonly byte[] PngEnd = [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];
    private static readonly byte[] JpegEnd = [0xFF, 0xD9];

    public static string ContentTypeOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => "application/pdf",
        FileKind.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        FileKind.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        FileKind.Jpeg => "image/jpeg",
        FileKind.Png => "image/png",
    };

    public static IReadOnlyList<string> ExtensionsOf(FileKind kind) => kind switch
    {
        FileKind.Pdf => [".pdf"],
        FileKind.Docx => [".docx"],
        FileKind.Xlsx => [".xlsx"],
        FileKind.Jpeg => [".jpg", ".jpeg"],
        FileKind.Png => [".png"],
    };

    /// <summary>Inspects an upload's bytes and name.</summary>
    public static FileInspection Inspect(string fileName, ReadOnlySpan<byte> content)
    {
        if (content.Length == 0)
        {
            return FileInspection.Refused("The file is empty.");
        }

        if (content.Length > MaximumFileBytes)
        {
            return FileInspection.Refused("The file is larger than 10 MB.");
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        var kind = Recognise(content);
        if (kind is null)
        {
            // Someone who chose "report.pdf" needs to hear that this file is not a PDF, not the list of types.
            var named = Enum.GetValues<FileKind>().Where(k => ExtensionsOf(k).Contains(extension)).Select(k => (FileKind?)k).FirstOrDefault();
            return FileInspection.Refused(named switch
            {
                FileKind.Pdf => "The file's content does not match its name: it is called a PDF file but it is not a PDF. Check that you chose the right file, or save it again as a PDF.",
                FileKind.Docx => "The file's content does not match its name: it is called a Word (DOCX) file but it is not a Word document. Check that you chose the right file, or save it again as a Word (DOCX) file.",
                FileKind.Xlsx => "The file's content does not match its name: it is called an Excel (XLSX) file but it is not an Excel workbook. Check that you chose the right file, or save it again as an Excel (XLSX) file.",
                FileKind.Jpeg => "The file's content does not match its name: it is called a JPG image but it is not a JPG image. Check that you chose the right file, or save it again as a JPG image.",
                FileKind.Png => "The file's content does not match its name: it is called a PNG image but it is not a PNG image. Check that you chose the right file, or save it again as a PNG image.",
                null => "The file must be a PDF, Word (DOCX), Excel (XLSX), JPG or PNG file.",
            });
        }

        if (!ExtensionsOf(kind.Value).Contains(extension))
        {
            return FileInspection.Refused(new LocalText("The file's content does not match its name: it is not a {0} file.", extension.TrimStart('.').ToUpperInvariant()));
        }

        if (CheckStructure(content, kind.Value) is { } damaged)
        {
            return FileInspection.Refused(damaged);
        }

        if (kind is FileKind.Docx or FileKind.Xlsx)
        {
            var problem = CheckOfficeArchive(content.ToArray(), kind.Value);
            if (problem is not null)
            {
                return FileInspection.Refused(problem);
            }
        }

        return FileInspection.Of(kind.Value);
    }

    /// <summary>A name safe to store and offer for download: no path, no control or reserved characters.</summary>
    public static string SafeName(string? fileName, FileKind kind)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var cleaned = new StringBuilder();
        foreach (var c in name.Normalize(NormalizationForm.FormC))
        {
            if (char.IsControl(c) || c is '/' or ':' or '*' or '?' or '"' or '<' or '>' or '|' or '\u202E' or '\u202D' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF')
            {
                continue;
            }

            cleaned.Append(c);
        }

        var stem = Path.GetFileNameWithoutExtension(cleaned.ToString()).Trim().TrimStart('.');
        if (stem.Length == 0)
        {
            stem = "document";
        }

        var extension = ExtensionsOf(kind)[0];
        if (stem.Length + extension.Length > FileNameMaxLength)
        {
            stem = stem[..(FileNameMaxLength - extension.Length)];
        }

        return stem + extension;
    }

    // A file that is also a web page (or carries an archive after the image) can be opened as the
    // other type by a browser or another program: accept only files that are just what they claim.
    private static string? CheckStructure(ReadOnlySpan<byte> content, FileKind kind)
    {
        switch (kind)
        {
            case FileKind.Pdf:
                var head = Encoding.ASCII.GetString(content[..Math.Min(content.Length, HtmlSniffBytes)]);
                return HtmlMarkers.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase))
                    ? "The PDF contains web page code and cannot be accepted."
                    : null;
            case FileKind.Png:
                return content.EndsWith(PngEnd) ? null : "The PNG image is damaged or has other data after its end.";
            case FileKind.Jpeg:
                var end = content.TrimEnd((byte)0);
                return end.EndsWith(JpegEnd) ? null : "The JPG image is damaged or has other data after its end.";
            default:
                return null;
        }
    }

    private static FileKind? Recognise(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return FileKind.Pdf;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return FileKind.Png;
        }

        if (content.Length > 3 && content[0] == 0xFF && content[1] == 0xD8 && content[2] == 0xFF)
        {
            return FileKind.Jpeg;
        }

        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return RecogniseOffice(content.ToArray());
        }

        return null;
    }

    private static FileKind? RecogniseOffice(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return null;
            }

            return names.Contains("word/document.xml") ? FileKind.Docx
                : names.Contains("xl/workbook.xml") ? FileKind.Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? CheckOfficeArchive(byte[] content, FileKind kind)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            if (zip.Entries.Count > MaximumZipEntries)
            {
                return "The document has too many parts to be a normal Office file.";
            }

            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                if (entry.FullName.Contains("..", StringComparison.Ordinal) || entry.FullName.StartsWith('/'))
                {
                    return "The document contains unsafe paths.";
                }

                declared += entry.Length;
                if (declared > MaximumUncompressedBytes)
                {
                    return "The document expands to more than 100 MB: it cannot be accepted.";
                }
            }

            // Declared sizes can lie: read the main part with a hard cap.
            var main = zip.GetEntry(kind == FileKind.Docx ? "word/document.xml" : "xl/workbook.xml")!;
            using var stream = main.Open();
            var buffer = new byte[81920];
            long read = 0;
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                read += n;
                if (read > MaximumUncompressedBytes)
                {
                    return "The document expands to more than 100 MB: it cannot be accepted.";
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return "The document is damaged and cannot be read.";
        }
    }
}
