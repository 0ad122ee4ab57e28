namespace TrustFund.Web.Tests.Hosting;

/// <summary>The repository's deployment files, found from the test assembly's folder.</summary>
internal static class DeploymentFiles
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TrustFund.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("TrustFund.sln not found above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([RepositoryRoot(), .. parts]);
}
