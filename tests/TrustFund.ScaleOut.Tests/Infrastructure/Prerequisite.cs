namespace TrustFund.ScaleOut.Tests.Infrastructure;

/// <summary>A missing prerequisite skips the suite on a developer's machine and fails it in CI.</summary>
public static class Prerequisite
{
    public static bool InContinuousIntegration =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Missing(string reason)
    {
        if (InContinuousIntegration)
        {
            Assert.Fail($"{reason} (CI=true: a missing prerequisite fails the run)");
        }

        Assert.Ignore(reason);
    }

    /// <summary>The full path of <paramref name="program"/> on PATH or in the Debian folders, or null.</summary>
    public static string? Executable(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/sbin", "/usr/bin", "/sbin", "/bin"])
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);
}
