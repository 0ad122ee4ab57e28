using TrustFund.Database.Tests.Engines;

namespace TrustFund.Database.Tests;

/// <summary>Stops the servers that fixtures share once every test of the assembly has run.</summary>
[SetUpFixture]
public sealed class StopSharedServers
{
    [OneTimeTearDown]
    public Task StopAsync() => SqlServerContainer.StopSharedAsync();
}
