namespace TrustFund.Web.Tests.Infrastructure;

/// <summary>The shared fixture of organisation names in many scripts, plus hostile markup.</summary>
public static class MultilingualNames
{
    public const string ScriptTag = "<script>alert(1)</script>";

    /// <summary>Each name of Fixtures/multilingual-names.txt, and a script tag.</summary>
    public static IEnumerable<TestCaseData> All()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "multilingual-names.txt");
        foreach (var line in File.ReadLines(file))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t', 2);
            yield return new TestCaseData(parts[1]).SetArgDisplayNames(parts[0]);
        }

        yield return new TestCaseData(ScriptTag).SetArgDisplayNames("script");
    }
}
