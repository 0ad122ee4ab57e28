using TrustFund.Domain.Audit;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.Audit;

public sealed class AuditChainTests
{
    // SHA-256 of the canonical form of AuditChainBuilder.Entry(1) at sequence 1 after Genesis: the
    // fields joined by U+001F, the instant as yyyy-MM-ddTHH:mm:ss.fffffffZ (computed independently).
    private const string PinnedHashOfEntryOne = "d11e8717c01b9e319b9f3b255da6c3b08013c967eb9b5e1bbf10b54e5c0f238e";

    [Test]
    public void ComputeHash_SameContent_IsStable()
    {
        var first = AuditChainBuilder.Chain(1)[0];
        var again = AuditChainBuilder.Chain(1)[0];

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.ComputeHash(first), Is.EqualTo(first.Hash));
            Assert.That(again.Hash, Is.EqualTo(first.Hash));
            Assert.That(first.Hash, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void ComputeHash_KnownEntry_MatchesThePinnedValue()
    {
        // Stored chains stay verifiable only while the canonical form never changes.
        Assert.That(AuditChainBuilder.Chain(1)[0].Hash, Is.EqualTo(PinnedHashOfEntryOne));
    }

    [TestCase(nameof(AuditEntry.Sequence), 7L)]
    [TestCase(nameof(AuditEntry.ActorName), "someone.else@trustfund.test")]
    [TestCase(nameof(AuditEntry.IpAddress), "203.0.113.9")]
    [TestCase(nameof(AuditEntry.Action), "entity.deleted")]
    [TestCase(nameof(AuditEntry.EntityType), "Grant")]
    [TestCase(nameof(AuditEntry.EntityId), "99")]
    [TestCase(nameof(AuditEntry.Summary), "Nothing happened")]
    [TestCase(nameof(AuditEntry.PreviousHash), "1111111111111111111111111111111111111111111111111111111111111111")]
    public void ComputeHash_AnyFieldChanged_ChangesTheHash(string property, object value)
    {
        var entry = AuditChainBuilder.Chain(1)[0];

        AuditChainBuilder.Overwrite(entry, property, value);

        Assert.That(AuditChain.ComputeHash(entry), Is.Not.EqualTo(entry.Hash));
    }

    [Test]
    public void ComputeHash_ActorOrTimeChanged_ChangesTheHash()
    {
        var entry = AuditChainBuilder.Chain(1)[0];
        var original = entry.Hash;

        AuditChainBuilder.Overwrite(entry, nameof(AuditEntry.OccurredAtUtc), entry.OccurredAtUtc.AddTicks(10));
        var timeChanged = AuditChain.ComputeHash(entry);
        AuditChainBuilder.Overwrite(entry, nameof(AuditEntry.OccurredAtUtc), AuditChainBuilder.Start.AddMinutes(1));
        AuditChainBuilder.Overwrite<Guid?>(entry, nameof(AuditEntry.ActorId), Guid.NewGuid());
        var actorChanged = AuditChain.ComputeHash(entry);

        Assert.That(new[] { timeChanged, actorChanged }, Has.None.EqualTo(original));
    }

    [Test]
    public void Create_InstantFinerThanAMicrosecond_IsRoundedDownToTheMicrosecondInUtc()
    {
        var local = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567).ToLocalTime();

        var entry = AuditEntry.Create(local, null, null, null, "test", null, null, "summary");

        Assert.Multiple(() =>
        {
            Assert.That(entry.OccurredAtUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(entry.OccurredAtUtc, Is.EqualTo(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_560)));
        });
    }

    [Test]
    public void Create_OverlongText_IsCutToTheColumnLimits()
    {
        var entry = AuditEntry.Create(AuditChainBuilder.Start, null, new string('a', 300), new string('1', 80), new string('b', 120), new string('c', 120), new string('d', 120), new string('e', 1200));

        Assert.Multiple(() =>
        {
            Assert.That(entry.ActorName, Has.Length.EqualTo(256));
            Assert.That(entry.IpAddress, Has.Length.EqualTo(64));
            Assert.That(entry.Action, Has.Length.EqualTo(100));
            Assert.That(entry.EntityType, Has.Length.EqualTo(100));
            Assert.That(entry.EntityId, Has.Length.EqualTo(100));
            Assert.That(entry.Summary, Has.Length.EqualTo(1000));
        });
    }

    [Test]
    public void Chain_EntryAlreadyChained_IsRefused()
    {
        var entry = AuditChainBuilder.Chain(1)[0];

        Assert.That(() => entry.Chain(2, entry.Hash), Throws.InvalidOperationException);
    }

    [Test]
    public void FindFirstBreak_IntactChain_IsNull()
    {
        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.FindFirstBreak(AuditChainBuilder.Chain(10)), Is.Null);
            Assert.That(AuditChain.FindFirstBreak([]), Is.Null);
        });
    }

    [Test]
    public void FindFirstBreak_FirstEntryNotLinkedToGenesis_IsOne()
    {
        var entry = AuditChainBuilder.Entry(1);
        entry.Chain(1, "1111111111111111111111111111111111111111111111111111111111111111");

        Assert.That(AuditChain.FindFirstBreak([entry]), Is.EqualTo(1));
    }

    [TestCase(1)]
    [TestCase(4)]
    [TestCase(10)]
    public void FindFirstBreak_TamperedContent_IsThatEntrysSequence(int tampered)
    {
        var chain = AuditChainBuilder.Chain(10);

        AuditChainBuilder.Overwrite(chain[tampered - 1], nameof(AuditEntry.Summary), "Nothing to see here");

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(tampered));
    }

    [Test]
    public void FindFirstBreak_TamperedContentWithRecomputedHash_IsTheNextEntry()
    {
        var chain = AuditChainBuilder.Chain(10);
        AuditChainBuilder.Overwrite(chain[3], nameof(AuditEntry.Summary), "Nothing to see here");

        AuditChainBuilder.Overwrite(chain[3], nameof(AuditEntry.Hash), AuditChain.ComputeHash(chain[3]));

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(5), "entry 5 still links to the original hash of entry 4");
    }

    [TestCase(1)]
    [TestCase(6)]
    [TestCase(10)]
    public void FindFirstBreak_MissingEntry_IsTheMissingSequence(int removed)
    {
        var chain = AuditChainBuilder.Chain(10);

        chain.RemoveAt(removed - 1);

        Assert.That(AuditChain.FindFirstBreak(chain), removed == 10 ? Is.Null : Is.EqualTo(removed));
    }

    [Test]
    public void FindFirstBreak_LastEntryMissing_IsFoundByTheNextEntryWritten()
    {
        var chain = AuditChainBuilder.Chain(10);
        var next = AuditChainBuilder.Entry(11);
        next.Chain(11, chain[9].Hash);
        chain.RemoveAt(9);

        chain.Add(next);

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(10));
    }

    [Test]
    public void FindFirstBreak_BrokenLinkWithValidOwnHash_IsThatEntrysSequence()
    {
        var chain = AuditChainBuilder.Chain(10);
        var forged = AuditChainBuilder.Entry(7);
        forged.Chain(7, chain[4].Hash);

        chain[6] = forged;

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(7));
    }

    [Test]
    public void FindFirstBreak_EntriesSwapped_IsTheFirstSwappedPosition()
    {
        var chain = AuditChainBuilder.Chain(10);

        (chain[2], chain[3]) = (chain[3], chain[2]);

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(3));
    }

    [Test]
    public void FindFirstBreak_DuplicatedEntry_IsTheSequenceAfterIt()
    {
        var chain = AuditChainBuilder.Chain(10);

        chain.Insert(5, chain[4]);

        Assert.That(AuditChain.FindFirstBreak(chain), Is.EqualTo(6));
    }

    [Test]
    public void FindFirstBreak_BatchStartingMidChain_ContinuesFromTheGivenLink()
    {
        var chain = AuditChainBuilder.Chain(10);
        var batch = chain.Skip(5).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(AuditChain.FindFirstBreak(batch, 6, chain[4].Hash), Is.Null);
            Assert.That(AuditChain.FindFirstBreak(batch, 6, chain[3].Hash), Is.EqualTo(6));
            Assert.That(AuditChain.FindFirstBreak(batch), Is.EqualTo(1), "a batch is not the start of the chain");
        });
    }
}
