namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>The shared fixture of organisation names in many scripts, plus hostile markup.</summary>
public static class MultilingualNames
{
    public const string ScriptTag = "<script>alert(1)</script>";

    /// <summary>Path of the fixture, copied beside the test assembly from the project's Fixtures folder.</summary>
    public static string FixturePath => Path.Combine(AppContext.BaseDirectory, "Fixtures", "multilingual-names.txt");

    /// <summary>Each (language, name) line of the fixture.</summary>
    public static IEnumerable<(string Language, string Name)> Lines() =>
        File.ReadLines(FixturePath)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t', 2))
            .Select(parts => (parts[0], parts[1]));

    /// <summary>Each name of the fixture, and a script tag.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        foreach (var (language, name) in Lines())
        {
            yield return new TestCaseData(name).SetArgDisplayNames(language);
        }

        yield return new TestCaseData(ScriptTag).SetArgDisplayNames("script");
    }
}
