using System.Net.Http.Headers;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Organisations;

/// <summary>Posting a file as a browser does: multipart form with the page's antiforgery token.</summary>
public static class MultipartForms
{
    public static async Task<HttpResponseMessage> PostFileAsync(this TestSession session, string formPage, string action, Dictionary<string, string> fields, string fileField, string fileName, byte[] content, string contentType = "application/pdf")
    {
        var token = await session.AntiforgeryTokenAsync(formPage);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, fileField, fileName);
        return await session.Client.PostAsync(new Uri(action, UriKind.Relative), form);
    }

    public static byte[] Pdf(string text = "TrustFund test") =>
        System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");
}
