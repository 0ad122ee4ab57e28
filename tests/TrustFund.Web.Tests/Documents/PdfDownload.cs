using System.Net;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Documents;

/// <summary>Downloads a PDF (asserting 200 and its type) and reads it back; saved to TRUSTFUND_PDF_OUT when set, to look at.</summary>
public static class PdfDownload
{
    public static async Task<PdfText> ReadAsync(TestSession session, string url)
    {
        using var response = await session.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), () => System.Text.Encoding.UTF8.GetString(bytes));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        if (Environment.GetEnvironmentVariable("TRUSTFUND_PDF_OUT") is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, string.Concat(url.Where(char.IsLetterOrDigit).TakeLast(60)) + ".pdf"), bytes);
        }

        return PdfText.Read(bytes);
    }
}
