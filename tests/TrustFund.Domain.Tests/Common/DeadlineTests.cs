using TrustFund.Domain.Common;

namespace TrustFund.Domain.Tests.Common;

public sealed class DeadlineTests
{
    private static readonly DateTime Deadline2359 = new(2026, 2, 28, 22, 59, 0, DateTimeKind.Utc);

    [TestCase(0, true)]
    [TestCase(40, true)]
    [TestCase(59.999, true)]
    [TestCase(60, false)]
    [TestCase(61, false)]
    [TestCase(-3600, true)]
    public void IsMet_AroundTheDeadlineMinute_IncludesTheWholeMinuteOnly(double secondsAfter, bool met)
    {
        Assert.That(Deadline.IsMet(Deadline2359, Deadline2359.AddSeconds(secondsAfter)), Is.EqualTo(met));
    }

    [Test]
    public void ToMinute_DropsSecondsAndKeepsKind()
    {
        var cut = Deadline.ToMinute(new DateTime(2026, 2, 28, 22, 59, 41, 500, DateTimeKind.Utc));

        Assert.That(cut, Is.EqualTo(Deadline2359));
        Assert.That(cut.Kind, Is.EqualTo(DateTimeKind.Utc));
    }

    [TestCase(30, true)]
    [TestCase(60, false)]
    public void OpenWhenAfter_AgreesWithIsMet(int secondsAfter, bool open)
    {
        var now = Deadline2359.AddSeconds(secondsAfter);

        Assert.That(Deadline2359 > Deadline.OpenWhenAfter(now), Is.EqualTo(open));
        Assert.That(Deadline.IsMet(Deadline2359, now), Is.EqualTo(open));
    }
}
