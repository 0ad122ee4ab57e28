using System.Runtime.InteropServices;
using TrustFund.Infrastructure.Pdf;

namespace TrustFund.Web.Tests.Documents;

public sealed class BrowserDiscoveryTests
{
    [Test]
    public void Find_ConfiguredPathExists_IsUsedBeforeAnyInstalledBrowser()
    {
        var discovery = Discovery(OSPlatform.Linux, ["/opt/custom/chrome", "/usr/bin/chromium"]);

        var found = discovery.Find("/opt/custom/chrome");

        Assert.That(found, Is.EqualTo(new BrowserDiscovery.Found("/opt/custom/chrome", null)));
    }

    [Test]
    public void Find_ConfiguredPathMissing_SaysSoAndDoesNotFallBackToAnotherBrowser()
    {
        var discovery = Discovery(OSPlatform.Linux, ["/usr/bin/chromium"]);

        var found = discovery.Find("/nowhere/chromium");

        Assert.Multiple(() =>
        {
            Assert.That(found.Path, Is.Null);
            Assert.That(found.Problem, Does.Contain("Pdf:BrowserPath").And.Contain("/nowhere/chromium"));
        });
    }

    [TestCase("/usr/bin/chromium")]
    [TestCase("/usr/bin/google-chrome")]
    [TestCase("/opt/microsoft/msedge/msedge")]
    public void Find_LinuxWithoutConfiguration_FindsTheUsualInstallLocations(string installed)
    {
        var found = Discovery(OSPlatform.Linux, [installed]).Find(null);

        Assert.That(found.Path, Is.EqualTo(installed));
    }

    [Test]
    public void Find_DebianChromium_IsPreferredOverChrome()
    {
        var found = Discovery(OSPlatform.Linux, ["/usr/bin/google-chrome", "/usr/bin/chromium"]).Find(" ");

        Assert.That(found.Path, Is.EqualTo("/usr/bin/chromium"));
    }

    [Test]
    public void Find_OnlyOnPath_FindsIt()
    {
        var found = Discovery(OSPlatform.Linux, ["/home/ops/bin/chromium-browser"], path: "/usr/local/bin:/home/ops/bin").Find(null);

        Assert.That(found.Path, Is.EqualTo("/home/ops/bin/chromium-browser"));
    }

    [Test]
    public void Find_Windows_FindsEdgeUnderProgramFilesX86()
    {
        var edge = @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe";

        var found = Discovery(OSPlatform.Windows, [edge], programFiles: @"C:\Program Files", programFilesX86: @"C:\Program Files (x86)").Find(null);

        Assert.That(found.Path, Is.EqualTo(edge));
    }

    [Test]
    public void Find_MacOs_FindsGoogleChrome()
    {
        var chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";

        var found = Discovery(OSPlatform.OSX, [chrome]).Find(null);

        Assert.That(found.Path, Is.EqualTo(chrome));
    }

    [Test]
    public void Find_NothingInstalled_SaysNoBrowserWasFound()
    {
        var found = Discovery(OSPlatform.Linux, [], path: "/usr/bin:/bin").Find(null);

        Assert.Multiple(() =>
        {
            Assert.That(found.Path, Is.Null);
            Assert.That(found.Problem, Does.Contain("No Chromium, Chrome or Edge"));
        });
    }

    [TestCase("Uid:\t0\t0\t0\t0", true)]
    [TestCase("Uid:\t1000\t1000\t1000\t1000", false)]
    [TestCase("Gid:\t0\t0\t0\t0", false)]
    [TestCase("Uid:", false)]
    public void IsRootUidLine_ReadsTheRealUserId(string line, bool root)
    {
        Assert.That(ChromiumPdfRenderer.IsRootUidLine(line), Is.EqualTo(root));
    }

    private static BrowserDiscovery Discovery(OSPlatform platform, string[] installed, string? path = null, string? programFiles = null, string? programFilesX86 = null)
    {
        var files = installed.ToHashSet(StringComparer.Ordinal);
        var environment = new Dictionary<string, string?>
        {
            ["PATH"] = path ?? string.Empty,
            ["ProgramFiles"] = programFiles,
            ["ProgramFiles(x86)"] = programFilesX86,
        };
        return new BrowserDiscovery(files.Contains, name => environment.GetValueOrDefault(name), platform);
    }
}
