namespace TrustFund.Infrastructure.Pdf;

/// <summary>The <c>Pdf</c> settings: which browser prints PDFs, how many at once, and how long each may take.</summary>
public sealed class PdfSettings
{
    public const string Section = "Pdf";

    /// <summary>A Chromium, Chrome or Edge executable; when empty, the usual install locations and PATH are searched.</summary>
    public string? BrowserPath { get; set; }

    /// <summary>Whether a Chrome build may be downloaded when none is installed (off: servers install their browser).</summary>
    public bool AllowBrowserDownload { get; set; }

    /// <summary>Where a downloaded browser is kept (default: a folder under the system's temporary folder).</summary>
    public string? DownloadFolder { get; set; }

    /// <summary>Documents printed at the same time, each on its own reused page of the one browser.</summary>
    public int MaxConcurrentRenders { get; set; } = 2;

    /// <summary>How long a request waits for a free page before it is answered "busy".</summary>
    public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one document may take to print.</summary>
    public TimeSpan RenderTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Written as the PDF's author.</summary>
    public string Author { get; set; } = "TrustFund Secretariat";

    /// <summary>The fund's time zone (the Secretariat's, in Vienna), shown beside UTC in the footer.</summary>
    public string TimeZone { get; set; } = "Europe/Vienna";
}
