using Microsoft.AspNetCore.Mvc;

namespace TrustFund.Web.Tests.Architecture;

/// <summary>
/// Controllers only bind, send and render: none grows past about 250 lines, and none hides its size
/// in partial files.
/// </summary>
public sealed class ControllerShapeTests
{
    private const int MaximumLines = 250;

    private static readonly string WebSource = Path.Combine(RepositoryRoot(), "src", "TrustFund.Web");

    private static IEnumerable<string> ControllerFiles() =>
        Directory.EnumerateFiles(WebSource, "*Controller*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Test]
    public void EveryControllerFile_IsAtMost250Lines()
    {
        var files = ControllerFiles().ToList();
        Assert.That(files, Is.Not.Empty, "No controller source was found under " + WebSource);

        var tooLong = files
            .Select(path => (Path: Path.GetRelativePath(WebSource, path), Lines: File.ReadAllLines(path).Length))
            .Where(file => file.Lines > MaximumLines)
            .Select(file => $"{file.Path}: {file.Lines} lines")
            .ToList();

        Assert.That(tooLong, Is.Empty, "Move the work into use cases in TrustFund.Application, or split the controller by sub-feature.");
    }

    [Test]
    public void NoController_IsAPartialClass()
    {
        var partial = ControllerFiles()
            .Where(path => File.ReadAllText(path).Contains("partial class", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(WebSource, path))
            .ToList();

        Assert.That(partial, Is.Empty);
    }

    [Test]
    public void EveryController_SitsInOneFile()
    {
        var controllers = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(ControllerBase).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => t.Name)
            .ToList();
        Assert.That(controllers, Is.Not.Empty);

        var files = ControllerFiles().Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.That(files.Where(f => f!.Contains('.', StringComparison.Ordinal)), Is.Empty, "A controller split over Name.Part.cs files");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TrustFund.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TrustFund.sln not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
