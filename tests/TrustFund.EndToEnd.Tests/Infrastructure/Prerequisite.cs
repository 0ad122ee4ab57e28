namespace TrustFund.EndToEnd.Tests.Infrastructure;

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
}
