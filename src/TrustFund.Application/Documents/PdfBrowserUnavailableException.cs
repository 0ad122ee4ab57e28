namespace TrustFund.Application.Documents;

/// <summary>There is no browser to print PDFs with. The message says what to install or configure.</summary>
public sealed class PdfBrowserUnavailableException : Exception
{
    /// <summary>What an operator does about it.</summary>
    public const string Remedy = "Install Chromium and the Noto fonts (on Debian or Ubuntu: apt-get install chromium fonts-noto-core fonts-noto-cjk), or set Pdf:BrowserPath to a Chromium, Chrome or Edge executable.";

    public PdfBrowserUnavailableException()
        : this("No browser is available to print PDFs.")
    {
    }

    public PdfBrowserUnavailableException(string message)
        : base($"{message} {Remedy}")
    {
    }

    public PdfBrowserUnavailableException(string message, Exception innerException)
        : base($"{message} {Remedy}", innerException)
    {
    }
}
