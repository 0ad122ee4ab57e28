using System.Globalization;
using System.Text.RegularExpressions;

namespace TrustFund.Web.Tests.Hosting;

/// <summary>
/// deploy/Containerfile cannot be built here (no container engine, no base images), so its
/// instructions are read and checked: a non-root user, the port the app listens on, the health check,
/// the malloc arena cap, Chromium with the same fonts the servers get, and a bundle per server database.
/// </summary>
public sealed partial class ContainerfileTests
{
    private static List<(string Instruction, string Arguments)> Instructions { get; } = Read();

    /// <summary>The numeric user id the final stage runs as.</summary>
    public static long ImageUser() => long.Parse(FinalStage().Last(i => i.Instruction == "USER").Arguments, CultureInfo.InvariantCulture);

    /// <summary>The one port the final stage exposes.</summary>
    public static int ImagePort() => int.Parse(FinalStage().Single(i => i.Instruction == "EXPOSE").Arguments, CultureInfo.InvariantCulture);

    [Test]
    public void Build_HasAnSdkStageAndARuntimeStageWithoutTheSdk()
    {
        var stages = Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(stages[0], Does.StartWith("mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
            Assert.That(stages[^1], Does.Not.Contain("/sdk"));
            Assert.That(FinalStage().Where(i => i.Instruction == "COPY").Select(i => i.Arguments), Has.Some.StartsWith("--from=build "));
            Assert.That(FinalStage().Single(i => i.Instruction == "ENTRYPOINT").Arguments, Does.Contain("TrustFund.Web.dll"));
        });
    }

    [Test]
    public void RuntimeStage_RunsAsANonRootUser()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ImageUser(), Is.GreaterThan(0));
            Assert.That(FinalStage().Select(i => i.Arguments), Has.Some.Contains($"--uid {ImageUser()}"));

            // Nothing after USER runs as root again.
            var afterUser = FinalStage().SkipWhile(i => i.Instruction != "USER").ToList();
            Assert.That(afterUser.Select(i => i.Instruction), Has.None.EqualTo("RUN"));
        });
    }

    [Test]
    public void RuntimeStage_ListensOnTheExposedPortAndChecksLiveness()
    {
        var environment = Environment();
        var healthCheck = FinalStage().Single(i => i.Instruction == "HEALTHCHECK").Arguments;

        Assert.Multiple(() =>
        {
            Assert.That(environment["ASPNETCORE_HTTP_PORTS"], Is.EqualTo(ImagePort().ToString(CultureInfo.InvariantCulture)));
            Assert.That(healthCheck, Does.Contain($"http://127.0.0.1:{ImagePort()}/health/live"));
            Assert.That(healthCheck, Does.Contain("--fail"));
            Assert.That(environment["ASPNETCORE_ENVIRONMENT"], Is.EqualTo("Production"));
        });
    }

    [Test]
    public void RuntimeStage_CapsMallocArenasAndPrintsPdfsWithDebianChromiumAndTheServersFonts()
    {
        var provisioned = ProvisionedPackages().Where(p => p == "chromium" || p.StartsWith("fonts-", StringComparison.Ordinal)).ToList();
        var installed = FinalStage().Where(i => i.Instruction == "RUN" && i.Arguments.Contains("apt-get install", StringComparison.Ordinal))
            .SelectMany(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(Environment()["MALLOC_ARENA_MAX"], Is.EqualTo("2"));
            Assert.That(provisioned, Is.Not.Empty.And.SubsetOf(installed));
            Assert.That(installed, Does.Contain("fonts-noto-extra"));
            Assert.That(Environment()["Pdf__BrowserPath"], Is.EqualTo("/usr/bin/chromium"));
        });
    }

    [Test]
    public void Build_BundlesTheMigrationsOfEachServerDatabase()
    {
        var serverProjects = Directory.GetDirectories(DeploymentFiles.PathOf("migrations"), "TrustFund.Migrations.*")
            .Select(Path.GetFileName)
            .Where(name => name != "TrustFund.Migrations.Sqlite")
            .ToList();
        var bundles = Instructions.Where(i => i.Instruction == "RUN" && i.Arguments.Contains("migrations bundle", StringComparison.Ordinal))
            .Select(i => i.Arguments)
            .ToList();

        Assert.That(serverProjects, Has.Count.EqualTo(2));
        Assert.That(serverProjects, Has.All.Matches<string>(project => bundles.Any(b => b.Contains($"--project migrations/{project} ", StringComparison.Ordinal))));
    }

    private static Dictionary<string, string> Environment() =>
        FinalStage().Where(i => i.Instruction == "ENV")
            .SelectMany(i => EnvironmentPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    private static List<(string Instruction, string Arguments)> FinalStage() =>
        [.. Instructions.Skip(Instructions.FindLastIndex(i => i.Instruction == "FROM"))];

    private static string[] ProvisionedPackages()
    {
        var line = File.ReadAllLines(DeploymentFiles.PathOf("deploy", "provision.sh")).Single(l => l.StartsWith("packages=(", StringComparison.Ordinal));
        return line["packages=(".Length..line.IndexOf(')', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Instructions with continuation lines joined and comments left out.</summary>
    private static List<(string, string)> Read()
    {
        var instructions = new List<(string, string)>();
        var current = string.Empty;
        foreach (var raw in File.ReadAllLines(DeploymentFiles.PathOf("deploy", "Containerfile")))
        {
            var line = raw.Trim();
            if (line.StartsWith('#') || (line.Length == 0 && current.Length == 0))
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var space = current.IndexOf(' ', StringComparison.Ordinal);
                instructions.Add((current[..space].ToUpperInvariant(), Regex.Replace(current[(space + 1)..], @"\s+", " ").Trim()));
                current = string.Empty;
            }
        }

        return instructions;
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S+)")]
    private static partial Regex EnvironmentPair();
}
