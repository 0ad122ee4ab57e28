namespace TrustFund.Application.Documents;

/// <summary>Every render slot stayed taken for the whole queue timeout; asking again shortly should work.</summary>
public sealed class PdfRendererBusyException : Exception
{
    public PdfRendererBusyException()
        : this(TimeSpan.FromSeconds(20))
    {
    }

    public PdfRendererBusyException(TimeSpan waited)
        : base($"Every PDF render slot stayed busy for {waited.TotalSeconds:0} s.")
    {
        Waited = waited;
    }

    public PdfRendererBusyException(string message)
        : base(message)
    {
    }

    public PdfRendererBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the request queued.</summary>
    public TimeSpan Waited { get; }
}
