using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using TrustFund.Application.Exports;

namespace TrustFund.Web.Features.Exports;

/// <summary>
/// Sends an export as a download, written to the response body as its rows are read (the response is
/// not buffered, so a large export never sits in memory). The file is named after the export and the day.
/// </summary>
public sealed class ExportResult(ExportTable table, IExportWriter writer, DateOnly day) : IActionResult
{
    public string FileName { get; } = $"{FileNamePart(table.Name)}-{day:yyyy-MM-dd}.{writer.Extension}";

    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        http.Response.ContentType = writer.ContentType;
        http.Response.Headers.CacheControl = "no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await writer.WriteAsync(table, http.Response.Body, http.RequestAborted);
    }

    /// <summary>Letters, digits and dashes only, for a download's file name.</summary>
    private static string FileNamePart(string text) =>
        new([.. text.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '-')]);
}
