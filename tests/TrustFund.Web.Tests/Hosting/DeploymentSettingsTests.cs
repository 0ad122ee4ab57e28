using System.Diagnostics;
using System.Text.Json;

namespace TrustFund.Web.Tests.Hosting;

/// <summary>
/// Settings that must be in the process environment before the app starts (glibc reads them at process
/// start, so the app cannot set them itself): the service unit and the run profile both carry them.
/// </summary>
public sealed class DeploymentSettingsTests
{
    [Test]
    public void ServiceUnit_CapsMallocArenasAndRunsThePublishedApp()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot(), "deploy", "trustfund.service"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Does.Contain("Environment=MALLOC_ARENA_MAX=2"));
            Assert.That(lines, Does.Contain("Environment=ASPNETCORE_ENVIRONMENT=Production"));
            Assert.That(lines.Single(l => l.StartsWith("ExecStart=", StringComparison.Ordinal)), Does.EndWith("TrustFund.Web.dll"));
            Assert.That(lines, Does.Contain("[Install]"));
        });
    }

    [Test]
    public async Task ServiceUnit_ParsesWithoutWarningsInSystemd()
    {
        const string analyzer = "/usr/bin/systemd-analyze";
        Assume.That(File.Exists(analyzer), "systemd-analyze is not installed here.");
        var start = new ProcessStartInfo(analyzer) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("verify");
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "deploy", "trustfund.service"));

        using var process = Process.Start(start)!;
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // systemd skips what it cannot parse (unknown keys, bad values) with a line ending in "ignoring".
        Assert.That(errors, Does.Not.Contain("ignoring"));
    }

    [Test]
    public void RunProfile_CapsMallocArenas()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), "src", "TrustFund.Web", "Properties", "launchSettings.json")));

        var environment = settings.RootElement.GetProperty("profiles").GetProperty("http").GetProperty("environmentVariables");

        Assert.That(environment.GetProperty("MALLOC_ARENA_MAX").GetString(), Is.EqualTo("2"));
    }

    private static string RepositoryRoot() => DeploymentFiles.RepositoryRoot();
}
