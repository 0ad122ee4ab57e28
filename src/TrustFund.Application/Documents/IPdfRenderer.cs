namespace TrustFund.Application.Documents;

/// <summary>
/// Prints a self-contained HTML document (styles inline, no scripts, nothing fetched) to PDF, with a
/// header and footer naming the document, its reference, when it was generated and the page number.
/// </summary>
public interface IPdfRenderer
{
    /// <summary>The PDF's bytes.</summary>
    /// <exception cref="PdfBrowserUnavailableException">No browser to print with: nothing is installed or configured.</exception>
    /// <exception cref="PdfRendererBusyException">Every render slot stayed taken for the whole queue timeout.</exception>
    /// <exception cref="PdfRenderFailedException">The browser failed or took too long on this document.</exception>
    Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken cancellationToken);
}
