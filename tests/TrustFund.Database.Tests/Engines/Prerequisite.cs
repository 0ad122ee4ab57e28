using System.Diagnostics.CodeAnalysis;

namespace TrustFund.Database.Tests.Engines;

/// <summary>Skips tests whose prerequisite is missing, except on CI, where a missing prerequisite fails them.</summary>
internal static class Prerequisite
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    [DoesNotReturn]
    public static void Missing(string reason)
    {
        if (OnCi)
        {
            Assert.Fail($"{reason} It is required when CI=true.");
        }

        Assert.Ignore(reason);
        throw new InvalidOperationException(reason);
    }
}
