using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Tests.Shared;

/// <summary>Names people typed are set apart from the sentence that quotes them.</summary>
public sealed class BidiTests
{
    [Test]
    public void Quoting_IsolatesEachQuotedName_AndEncodesTheRest()
    {
        var html = Bidi.Quoting("Account holder: Hope & Care; legal name: Hope & Care Trust.", "Hope & Care", "Hope & Care Trust", null).ToString();

        Assert.That(html, Is.EqualTo("Account holder: <bdi>Hope &amp; Care</bdi>; legal name: <bdi>Hope &amp; Care Trust</bdi>."));
    }

    [Test]
    public void Quoting_TextWithoutTheNames_IsOnlyEncoded()
    {
        Assert.That(Bidi.Quoting("No bank details <yet>.", "Hope").ToString(), Is.EqualTo("No bank details &lt;yet&gt;."));
    }
}
