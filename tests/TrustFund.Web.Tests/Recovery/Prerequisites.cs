namespace TrustFund.Web.Tests.Recovery;

/// <summary>What these drills need from the machine: ignored when missing, failed on CI (<c>CI=true</c>).</summary>
internal static class Prerequisites
{
    public static bool OnCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Missing(string reason)
    {
        if (OnCi)
        {
            Assert.Fail(reason);
        }

        Assert.Ignore(reason);
    }
}
