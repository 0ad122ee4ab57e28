using System.Runtime.InteropServices;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// Finds a Chromium-family browser to print with: the configured path first, then the usual install
/// locations of Chromium, Chrome and Edge on Linux, Windows and macOS, then the same names on PATH.
/// </summary>
public sealed class BrowserDiscovery
{
    private static readonly string[] ExecutableNames = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "microsoft-edge-stable", "chrome", "msedge"];

    private readonly Func<string, bool> _exists;
    private readonly Func<string, string?> _environment;
    private readonly OSPlatform _platform;

    public BrowserDiscovery()
        : this(File.Exists, Environment.GetEnvironmentVariable, CurrentPlatform())
    {
    }

    public BrowserDiscovery(Func<string, bool> exists, Func<string, string?> environment, OSPlatform platform)
    {
        _exists = exists;
        _environment = environment;
        _platform = platform;
    }

    /// <summary>The result of a search: the executable found, or why none was.</summary>
    public sealed record Found(string? Path, string? Problem);

    /// <summary>The browser to use; a configured path that does not exist is a problem, not a reason to look elsewhere.</summary>
    public Found Find(string? configuredPath)
    {
        if (!string.IsNullOrWhiteSpace(configuredPath))
        {
            var path = configuredPath.Trim();
            return _exists(path) ? new Found(path, null) : new Found(null, $"Pdf:BrowserPath is set to \"{path}\", which does not exist.");
        }

        foreach (var candidate in WellKnownPaths().Concat(OnPath()))
        {
            if (_exists(candidate))
            {
                return new Found(candidate, null);
            }
        }

        return new Found(null, "No Chromium, Chrome or Edge was found in the usual places or on PATH.");
    }

    /// <summary>Where browsers are installed on this kind of system, most likely first.</summary>
    public IEnumerable<string> WellKnownPaths()
    {
        if (_platform == OSPlatform.Windows)
        {
            var roots = new[] { _environment("ProgramFiles"), _environment("ProgramFiles(x86)"), _environment("LOCALAPPDATA") }
                .OfType<string>().Where(r => r.Length > 0).ToList();
            foreach (var relative in new[] { @"Chromium\Application\chrome.exe", @"Google\Chrome\Application\chrome.exe", @"Microsoft\Edge\Application\msedge.exe" })
            {
                foreach (var root in roots)
                {
                    yield return root.TrimEnd('\\') + "\\" + relative;
                }
            }
        }
        else if (_platform == OSPlatform.OSX)
        {
            yield return "/Applications/Chromium.app/Contents/MacOS/Chromium";
            yield return "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
            yield return "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge";
        }
        else
        {
            yield return "/usr/bin/chromium";
            yield return "/usr/bin/chromium-browser";
            yield return "/snap/bin/chromium";
            yield return "/usr/bin/google-chrome";
            yield return "/usr/bin/google-chrome-stable";
            yield return "/opt/google/chrome/chrome";
            yield return "/usr/bin/microsoft-edge";
            yield return "/opt/microsoft/msedge/msedge";
        }
    }

    private IEnumerable<string> OnPath()
    {
        var directories = (_environment("PATH") ?? string.Empty)
            .Split(_platform == OSPlatform.Windows ? ';' : ':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var suffix = _platform == OSPlatform.Windows ? ".exe" : string.Empty;
        var separator = _platform == OSPlatform.Windows ? '\\' : '/';
        foreach (var name in ExecutableNames)
        {
            foreach (var directory in directories)
            {
                yield return directory.TrimEnd(separator) + separator + name + suffix;
            }
        }
    }

    private static OSPlatform CurrentPlatform() =>
        RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? OSPlatform.Windows
        : RuntimeInformation.IsOSPlatform(OSPlatform.OSX) ? OSPlatform.OSX
        : OSPlatform.Linux;
}
