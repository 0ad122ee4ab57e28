using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace TrustFund.Web.Features.Shared;

/// <summary>Why a file did not arrive whole.</summary>
public enum UploadProblem
{
    None,

    /// <summary>The file is over the size limit.</summary>
    TooLarge,

    /// <summary>The request is over the request limit: it was cut off, the fields after the file are missing.</summary>
    RequestTooLarge,

    /// <summary>The request ended before the form did (the connection dropped or the body was cut).</summary>
    Interrupted,
}

/// <summary>
/// An upload form read part by part, so that what the applicant typed and the name of the chosen file are
/// known even when the file is too large or the upload is cut off: the page can then come back with every
/// other value kept and name the file to try again. The fields read are also set as the request's form, for
/// the antiforgery check.
/// </summary>
public sealed class UploadForm
{
    private const int FieldValueLimit = 64 * 1024;

    private readonly Dictionary<string, StringValues> _fields;

    private UploadForm(Dictionary<string, StringValues> fields, string? fileName, byte[]? content, UploadProblem problem)
    {
        _fields = fields;
        FileName = fileName;
        Content = content;
        Problem = problem;
    }

    /// <summary>The name of the chosen file as the browser sent it; null when none was chosen.</summary>
    public string? FileName { get; }

    /// <summary>The name of the chosen file fit for messages (see <see cref="Shown"/>).</summary>
    public string ShownFileName => Shown(FileName ?? string.Empty);

    /// <summary>The file's bytes, when it arrived whole and within the limit.</summary>
    public byte[]? Content { get; }

    public UploadProblem Problem { get; }

    public string this[string field] => _fields.TryGetValue(field, out var value) ? value.ToString() : string.Empty;

    /// <summary>
    /// Reads the multipart body: text fields, and the file of <paramref name="fileField"/> up to
    /// <paramref name="maximumFileBytes"/> (a larger file is read to its end and dropped); a request over
    /// <paramref name="requestLimit"/> is cut off by the server (<see cref="UploadProblem.RequestTooLarge"/>).
    /// </summary>
    public static async Task<UploadForm> ReadAsync(HttpRequest request, string fileField, long maximumFileBytes, long requestLimit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new Dictionary<string, StringValues>(StringComparer.OrdinalIgnoreCase);
        string? fileName = null;
        byte[]? content = null;
        var problem = UploadProblem.None;
        var boundary = MediaTypeHeaderValue.TryParse(request.ContentType, out var type) ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            // Not multipart (no file can be in it): the ordinary form reader, which also keeps it for the antiforgery check.
            if (request.HasFormContentType)
            {
                foreach (var (key, value) in await request.ReadFormAsync(cancellationToken))
                {
                    fields[key] = value;
                }
            }

            return new UploadForm(fields, null, null, UploadProblem.None);
        }

        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                if (disposition.IsFileDisposition())
                {
                    var chosen = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                    if (name == fileField && !string.IsNullOrEmpty(chosen))
                    {
                        fileName = chosen;
                        (content, var tooLarge) = await ReadFileAsync(section.Body, maximumFileBytes, cancellationToken);
                        problem = !tooLarge ? UploadProblem.None : request.ContentLength > requestLimit ? UploadProblem.RequestTooLarge : UploadProblem.TooLarge;
                    }
                    else
                    {
                        await section.Body.CopyToAsync(Stream.Null, cancellationToken);
                    }
                }
                else if (disposition.IsFormDisposition())
                {
                    var value = await ReadFieldAsync(section.Body, cancellationToken);
                    fields[name] = StringValues.Concat(fields.TryGetValue(name, out var earlier) ? earlier : StringValues.Empty, value);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException)
        {
            // Cut off at the request limit (the file is too large), or the body ended early (the upload was interrupted).
            var overLimit = e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } || request.ContentLength > requestLimit;
            problem = overLimit ? UploadProblem.RequestTooLarge : UploadProblem.Interrupted;
            content = null;
        }

        request.HttpContext.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields)));
        return new UploadForm(fields, fileName, problem == UploadProblem.None ? content : null, problem);
    }

    /// <summary>A file name fit to show: the last path segment, without control or direction-changing characters, at most 150 characters.</summary>
    public static string Shown(string fileName)
    {
        var name = Path.GetFileName((fileName ?? string.Empty).Replace('\\', '/'));
        var shown = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c) && c is not ('\u202A' or '\u202B' or '\u202C' or '\u202D' or '\u202E' or '\u2066' or '\u2067' or '\u2068' or '\u2069' or '\u200B' or '\u200E' or '\u200F' or '\uFEFF'))
            {
                shown.Append(c);
            }
        }

        var text = shown.ToString().Trim();
        return text.Length > 150 ? text[..150] : text;
    }

    private static async Task<(byte[]? Content, bool TooLarge)> ReadFileAsync(Stream body, long maximumBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            total += read;
            if (total <= maximumBytes)
            {
                buffer.Write(chunk, 0, read);
            }
        }

        return total > maximumBytes ? (null, true) : (buffer.ToArray(), false);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        var buffer = new char[FieldValueLimit];
        var length = await reader.ReadBlockAsync(buffer, cancellationToken);
        await body.CopyToAsync(Stream.Null, cancellationToken);
        return new string(buffer, 0, length);
    }
}
