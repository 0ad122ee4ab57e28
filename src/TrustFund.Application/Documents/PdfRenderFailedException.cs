namespace TrustFund.Application.Documents;

/// <summary>The browser failed on a document, or took longer than the render timeout.</summary>
public sealed class PdfRenderFailedException : Exception
{
    public PdfRenderFailedException()
        : this("The PDF could not be printed.")
    {
    }

    public PdfRenderFailedException(string message)
        : base(message)
    {
    }

    public PdfRenderFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
