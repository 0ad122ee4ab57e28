namespace TrustFund.Web.Tests.Documents;

/// <summary>
/// The Chromium the PDF tests print with: CHROMIUM_PATH, else /usr/bin/chromium. Missing, the tests are
/// ignored with the reason, except under CI=true, where a missing browser fails the run.
/// </summary>
public static class PdfBrowser
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>The browser's path; ignores (or, on CI, fails) the test when it is not installed.</summary>
    public static string Require()
    {
        var path = ExecutablePath;
        if (!File.Exists(path))
        {
            var reason = $"Chromium was not found at {path} (set CHROMIUM_PATH, or install it: apt-get install chromium fonts-noto-core fonts-noto-cjk).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"{reason} CI=true: a missing prerequisite fails the run.");
            }

            Assert.Ignore(reason);
        }

        return path;
    }
}
