using TrustFund.Web.Hosting;

namespace TrustFund.Web.Tests.Hosting;

[NonParallelizable]
public sealed class NativeHeapTests
{
    [Test]
    public void LimitArenas_OnLinuxWithoutAnEnvironmentSetting_IsAcceptedByTheCLibrary()
    {
        Assume.That(OperatingSystem.IsLinux(), "glibc's malloc arenas exist only on Linux.");
        Assume.That(Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX"), Is.Null, "The environment already caps the arenas.");

        Assert.That(NativeHeap.LimitArenas(), Is.True, "mallopt(M_ARENA_MAX) returns 1 when glibc accepts the cap.");
    }

    [Test]
    public void LimitArenas_WhenTheEnvironmentSetsTheCap_LeavesItAlone()
    {
        var before = Environment.GetEnvironmentVariable("MALLOC_ARENA_MAX");
        Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", "4");
        try
        {
            Assert.That(NativeHeap.LimitArenas(), Is.False);
        }
        finally
        {
            Environment.SetEnvironmentVariable("MALLOC_ARENA_MAX", before);
        }
    }
}
