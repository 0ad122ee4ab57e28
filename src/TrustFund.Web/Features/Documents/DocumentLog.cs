namespace TrustFund.Web.Features.Documents;

/// <summary>What the document controllers log when a PDF cannot be made.</summary>
internal static partial class DocumentLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "No browser to print PDFs")]
    public static partial void BrowserUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "A PDF could not be printed")]
    public static partial void RenderFailed(ILogger logger, Exception exception);
}
