using TrustFund.Infrastructure.Identity.Sessions;

namespace TrustFund.Web.Tests.Sessions;

public sealed class DeviceDescriptionTests
{
    [TestCase("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox, Windows")]
    [TestCase("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0", "Edge, Windows")]
    [TestCase("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15", "Safari, macOS")]
    [TestCase("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1", "Chrome, iOS")]
    [TestCase("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36", "Chrome, Android")]
    [TestCase("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0", "Opera, Linux")]
    [TestCase("curl/8.5.0", "curl/8.5.0")]
    [TestCase("Mozilla/5.0 (X11; Linux x86_64)", "Linux")]
    [TestCase("", "")]
    [TestCase(null, "")]
    public void Of_KnownBrowsersAndSystems_AreNamedShortly(string? userAgent, string expected)
    {
        Assert.That(DeviceDescription.Of(userAgent), Is.EqualTo(expected));
    }

    [TestCase("<script>alert(1)</script>", "")]
    [TestCase("Evil\r\nSet-Cookie: x=1", "Evil")]
    [TestCase("name with spaces and \u202Eright-to-left override", "name")]
    [TestCase("\0\u0007", "")]
    public void Of_AnUnrecognisedHeader_KeepsAtMostItsFirstPlainWord(string userAgent, string expected)
    {
        Assert.That(DeviceDescription.Of(userAgent), Is.EqualTo(expected));
    }

    [Test]
    public void Of_AVeryLongProductToken_IsNotKept()
    {
        Assert.That(DeviceDescription.Of(new string('a', 5_000)), Is.Empty);
    }
}
