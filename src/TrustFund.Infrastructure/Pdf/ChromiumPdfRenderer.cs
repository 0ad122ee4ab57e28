using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PuppeteerSharp;
using PuppeteerSharp.Media;
using TrustFund.Application.Common;
using TrustFund.Application.Documents;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Prints PDFs with one headless Chromium per app, launched on first use and again if it dies, and a
/// few reused pages (at most <see cref="PdfSettings.MaxConcurrentRenders"/> documents at once; others
/// queue up to <see cref="PdfSettings.QueueTimeout"/>). Pages run no JavaScript and fetch nothing but
/// <c>data:</c> and <c>about:</c> URLs: documents come with everything inline.
/// </summary>
public sealed partial class ChromiumPdfRenderer : IPdfRenderer, IAsyncDisposable, IDisposable
{
    private readonly PdfSettings _settings;
    private readonly BrowserDiscovery _discovery;
    private readonly ILogger<ChromiumPdfRenderer> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly SemaphoreSlim _launching = new(1, 1);
    private readonly ConcurrentBag<IPage> _idlePages = [];
    private IBrowser? _browser;
    private bool _disposed;

    public ChromiumPdfRenderer(IOptions<PdfSettings> settings, BrowserDiscovery discovery, ILogger<ChromiumPdfRenderer> logger)
    {
        _settings = settings.Value;
        _discovery = discovery;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, _settings.MaxConcurrentRenders));
    }

    /// <summary>The browser currently running, if any (tests end it to prove the relaunch).</summary>
    internal IBrowser? CurrentBrowser => _browser;

    public async Task<byte[]> RenderAsync(PdfDocumentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var activity = TrustFundTelemetry.Activities.StartActivity("pdf.render");
        var started = Stopwatch.GetTimestamp();
        if (!await _slots.WaitAsync(_settings.QueueTimeout, cancellationToken))
        {
            activity?.SetStatus(ActivityStatusCode.Error, "queue timeout");
            throw new PdfRendererBusyException(_settings.QueueTimeout);
        }

        try
        {
            activity?.SetTag("trustfund.pdf.queued_ms", Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            var browser = await BrowserAsync(cancellationToken);
            var pdf = await PrintAsync(browser, request, cancellationToken);
            activity?.SetTag("trustfund.pdf.bytes", pdf.Length);
            TrustFundTelemetry.PdfRenderSeconds.Record(Stopwatch.GetElapsedTime(started).TotalSeconds);
            return PdfInfoUpdate.WithAuthor(pdf, _settings.Author);
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<byte[]> PrintAsync(IBrowser browser, PdfDocumentRequest request, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_settings.RenderTimeout);
        IPage? page = null;
        var reusable = false;
        try
        {
            page = await TakePageAsync(browser).WaitAsync(timeout.Token);
            await page.SetContentAsync(request.Html, new SetContentOptions
            {
                WaitUntil = [WaitUntilNavigation.Load],
                Timeout = (int)_settings.RenderTimeout.TotalMilliseconds,
            }).WaitAsync(timeout.Token);
            var pdf = await page.PdfDataAsync(new PdfOptions
            {
                Format = PaperFormat.A4,
                Landscape = request.Landscape,
                PrintBackground = true,
                PreferCSSPageSize = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = PageFrame.Header(request),
                FooterTemplate = PageFrame.Footer(request, _settings.TimeZone),
                MarginOptions = new MarginOptions { Top = "18mm", Bottom = "18mm", Left = "12mm", Right = "12mm" },
                Tagged = true,
                Outline = true,
                Timeout = (int)_settings.RenderTimeout.TotalMilliseconds,
            }).WaitAsync(timeout.Token);
            reusable = true;
            return pdf;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PdfRenderFailedException($"Printing \"{request.Title}\" took longer than {_settings.RenderTimeout.TotalSeconds:0} s.");
        }
        catch (Exception e) when (e is PuppeteerException or TimeoutException)
        {
            LogRenderFailed(_logger, e, request.Title);
            throw new PdfRenderFailedException($"The browser could not print \"{request.Title}\".", e);
        }
        finally
        {
            if (page is not null)
            {
                if (reusable && !page.IsClosed && browser.IsConnected)
                {
                    _idlePages.Add(page);
                }
                else
                {
                    // A page in an unknown state is not reused; closing it may fail if the browser is gone.
                    _ = CloseQuietlyAsync(page);
                }
            }
        }
    }

    private async Task<IPage> TakePageAsync(IBrowser browser)
    {
        while (_idlePages.TryTake(out var idle))
        {
            if (!idle.IsClosed && ReferenceEquals(idle.Browser, browser))
            {
                return idle;
            }
        }

        var page = await browser.NewPageAsync();
        await page.SetJavaScriptEnabledAsync(false);
        await page.SetRequestInterceptionAsync(true);
        page.AddRequestInterceptor(request =>
            request.Url.StartsWith("data:", StringComparison.OrdinalIgnoreCase) || request.Url.StartsWith("about:", StringComparison.OrdinalIgnoreCase)
                ? request.ContinueAsync()
                : request.AbortAsync(RequestAbortErrorCode.AccessDenied));
        return page;
    }

    /// <summary>The running browser, launched now if there is none or the last one died.</summary>
    private async Task<IBrowser> BrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running)
        {
            return running;
        }

        await _launching.WaitAsync(cancellationToken);
        try
        {
            if (_browser is { IsConnected: true } launched)
            {
                return launched;
            }

            if (_browser is not null)
            {
                LogRelaunching(_logger);
                await DisposeBrowserAsync(_browser);
                _browser = null;
            }

            var executable = await ExecutableAsync();
            try
            {
                var browser = await Puppeteer.LaunchAsync(new LaunchOptions
                {
                    ExecutablePath = executable,
                    Headless = true,
                    Args = [.. LaunchArguments()],
                    Timeout = (int)Math.Max(_settings.RenderTimeout.TotalMilliseconds, 30_000),
                });
                browser.Disconnected += (_, _) => LogDisconnected(_logger);
                _browser = browser;
                LogLaunched(_logger, executable);
                return browser;
            }
            catch (Exception e) when (e is PuppeteerException or IOException or System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                throw new PdfBrowserUnavailableException($"The browser at \"{executable}\" could not be started ({e.Message}).", e);
            }
        }
        finally
        {
            _launching.Release();
        }
    }

    private async Task<string> ExecutableAsync()
    {
        var found = _discovery.Find(_settings.BrowserPath);
        if (found.Path is { } path)
        {
            return path;
        }

        if (!_settings.AllowBrowserDownload || !string.IsNullOrWhiteSpace(_settings.BrowserPath))
        {
            throw new PdfBrowserUnavailableException(found.Problem ?? "No browser was found.");
        }

        var folder = string.IsNullOrWhiteSpace(_settings.DownloadFolder)
            ? Path.Combine(Path.GetTempPath(), "trustfund-browser")
            : _settings.DownloadFolder;
        try
        {
            var installed = await new BrowserFetcher(new BrowserFetcherOptions { Path = folder, Browser = SupportedBrowser.Chrome }).DownloadAsync();
            return installed.GetExecutablePath();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or PuppeteerException or InvalidOperationException)
        {
            throw new PdfBrowserUnavailableException($"{found.Problem} Downloading a browser into \"{folder}\" failed ({e.Message}).", e);
        }
    }

    /// <summary>The sandbox cannot run as root; anyone else keeps it.</summary>
    private static IEnumerable<string> LaunchArguments()
    {
        yield return "--disable-gpu";
        yield return "--disable-dev-shm-usage";
        yield return "--disable-extensions";
        yield return "--no-first-run";
        if (RunningAsRoot())
        {
            yield return "--no-sandbox";
        }
    }

    /// <summary>Whether this process runs as root (the real user id 0 in /proc/self/status, or the name "root").</summary>
    internal static bool RunningAsRoot()
    {
        if (Environment.UserName == "root")
        {
            return true;
        }

        try
        {
            return File.Exists("/proc/self/status") && File.ReadLines("/proc/self/status").Any(line => IsRootUidLine(line));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>"Uid:\t0\t0\t0\t0": the real user id is the first number.</summary>
    internal static bool IsRootUidLine(string line) =>
        line.StartsWith("Uid:", StringComparison.Ordinal)
        && line[4..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) is [var real, ..]
        && real == "0";

    private static async Task CloseQuietlyAsync(IPage page)
    {
        try
        {
            await page.CloseAsync();
        }
        catch (Exception e) when (e is PuppeteerException or ObjectDisposedException or InvalidOperationException)
        {
            // Already gone with its browser.
        }
    }

    private static async Task DisposeBrowserAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync();
        }
        catch (Exception e) when (e is PuppeteerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // A crashed browser cannot be closed politely; dispose below kills what is left.
        }

        await browser.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_browser is { } browser)
        {
            await DisposeBrowserAsync(browser);
            _browser = null;
        }

        _slots.Dispose();
        _launching.Dispose();
    }

    /// <summary>For containers disposed synchronously: closes the browser all the same.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    [LoggerMessage(Level = LogLevel.Information, Message = "Chromium started for PDFs: {Executable}")]
    private static partial void LogLaunched(ILogger logger, string executable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The PDF browser disconnected; it is started again on the next document")]
    private static partial void LogDisconnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Starting the PDF browser again after it died")]
    private static partial void LogRelaunching(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "The browser failed to print {Title}")]
    private static partial void LogRenderFailed(ILogger logger, Exception exception, string title);
}
