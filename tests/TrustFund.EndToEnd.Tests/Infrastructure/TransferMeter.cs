using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace TrustFund.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Bytes a page costs over the network as Chromium counts them (DevTools <c>Network.loadingFinished</c>
/// <c>encodedDataLength</c>: headers and body as transferred, so compressed, and nothing for what the cache answers).
/// </summary>
public sealed class TransferMeter
{
    private readonly ConcurrentDictionary<string, string> _urls = new();
    private readonly ConcurrentDictionary<string, long> _bytes = new();

    private readonly ICDPSession _devTools;

    private TransferMeter(ICDPSession devTools)
    {
        _devTools = devTools;
    }

    /// <summary>Starts counting what <paramref name="page"/> downloads.</summary>
    public static async Task<TransferMeter> StartAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var devTools = await page.Context.NewCDPSessionAsync(page);
        var meter = new TransferMeter(devTools);
        devTools.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                meter._urls[json.GetProperty("requestId").GetString()!] = json.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        devTools.Event("Network.loadingFinished").OnEvent += (_, e) =>
        {
            if (e is { } json)
            {
                meter._bytes[json.GetProperty("requestId").GetString()!] = (long)json.GetProperty("encodedDataLength").GetDouble();
            }
        };
        await devTools.SendAsync("Network.enable");
        return meter;
    }

    /// <summary>
    /// Opens <paramref name="path"/> and returns what it cost: every request it made, with the bytes transferred.
    /// With <paramref name="emptyCache"/> the browser's cache is emptied first, as for a first visit.
    /// </summary>
    public async Task<PageTransfer> LoadAsync(IPage page, string path, bool emptyCache)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (emptyCache)
        {
            await _devTools.SendAsync("Network.clearBrowserCache");
        }

        _urls.Clear();
        _bytes.Clear();
        var response = await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var requests = _bytes.Select(b => new RequestTransfer(_urls.TryGetValue(b.Key, out var url) ? new Uri(url).PathAndQuery : b.Key, b.Value)).ToList();
        return new PageTransfer(path, response?.Status ?? 0, requests);
    }
}

/// <summary>One request of a page load and the bytes it transferred.</summary>
public sealed record RequestTransfer(string Path, long Bytes);

/// <summary>What opening a page transferred.</summary>
public sealed record PageTransfer(string Path, int Status, IReadOnlyList<RequestTransfer> Requests)
{
    public long Bytes => Requests.Sum(r => r.Bytes);

    public double KiloBytes => Bytes / 1024.0;

    public string Describe() => string.Join(", ", Requests.OrderByDescending(r => r.Bytes).Select(r => $"{r.Path} {r.Bytes / 1024.0:0.0} KB"));
}
