using TrustFund.Domain.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Domain.Tests.Reviews;

/// <summary>An officer match keeps the name, position and kind apart, and reads as the English sentence the audit trail records.</summary>
public class OfficerMatchTests
{
    [TestCase(OfficerMatchKind.SameEmail, "Board member", "Mei Lin (Board member): same email")]
    [TestCase(OfficerMatchKind.SameName, "Board member", "Mei Lin (Board member): same name")]
    [TestCase(OfficerMatchKind.SameNameAndEmail, "Board member", "Mei Lin (Board member): same name and email")]
    [TestCase(OfficerMatchKind.SameEmail, null, "Mei Lin: same email")]
    [TestCase(OfficerMatchKind.SameName, null, "Mei Lin: same name")]
    [TestCase(OfficerMatchKind.SameNameAndEmail, null, "Mei Lin: same name and email")]
    public void EachKind_ReadsInEnglish(OfficerMatchKind kind, string? position, string expected)
    {
        Assert.That(new OfficerMatch("Mei Lin", position, kind).ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void Describe_KeepsTheNameAndPositionAsArguments_ForTranslationAroundThem()
    {
        var text = new OfficerMatch("Mei Lin", "Board member", OfficerMatchKind.SameEmail).Describe();

        Assert.Multiple(() =>
        {
            Assert.That(text.Template, Is.EqualTo("{0} ({1}): same email"));
            Assert.That(text.Arguments, Is.EqualTo(new object?[] { "Mei Lin", "Board member" }));
        });
    }

    [Test]
    public void SeveralMatches_AreSeparatedBySemicolons()
    {
        var text = OfficerMatch.Describe([new("Mei Lin", "Board member", OfficerMatchKind.SameEmail), new("Awa Ndiaye", null, OfficerMatchKind.SameName)]);

        Assert.That(text.ToString(), Is.EqualTo("Mei Lin (Board member): same email; Awa Ndiaye: same name"));
    }

    [Test]
    public void ConfirmingAProbableConflict_NeedsNoTypedReason_ButPinningOrDismissingDoes()
    {
        var now = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        OfficerMatch[] matches = [new("Mei Lin", "Board member", OfficerMatchKind.SameEmail)];

        var confirmed = ConflictRuling.Rule(Guid.NewGuid(), Guid.NewGuid(), ConflictRulingKind.Pinned, matches, "  ", "manager", now);

        Assert.Multiple(() =>
        {
            Assert.That(confirmed.Reason, Is.Empty);
            Assert.That(confirmed.HasReason, Is.False);
            Assert.That(confirmed.Matches, Is.EqualTo(matches));
            Assert.That(confirmed.Match, Is.Null);
            Assert.That(() => ConflictRuling.Rule(Guid.NewGuid(), Guid.NewGuid(), ConflictRulingKind.Dismissed, matches, null, "manager", now), Throws.TypeOf<RulesViolatedException>());
            Assert.That(() => ConflictRuling.Rule(Guid.NewGuid(), Guid.NewGuid(), ConflictRulingKind.Pinned, null, " ", "manager", now), Throws.TypeOf<RulesViolatedException>());
        });
    }

    [Test]
    public void PinningByHandAfterADismissal_KeepsTheMatches()
    {
        var now = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        OfficerMatch[] matches = [new("Mei Lin", null, OfficerMatchKind.SameName)];
        var ruling = ConflictRuling.Rule(Guid.NewGuid(), Guid.NewGuid(), ConflictRulingKind.Dismissed, matches, "Another Mei Lin.", "manager", now);

        ruling.Change(ConflictRulingKind.Pinned, null, "She is the same person after all.", "manager", now.AddDays(1));

        Assert.Multiple(() =>
        {
            Assert.That(ruling.Kind, Is.EqualTo(ConflictRulingKind.Pinned));
            Assert.That(ruling.Matches, Is.EqualTo(matches));
            Assert.That(ruling.Reason, Is.EqualTo("She is the same person after all."));
        });
    }
}
