using TrustFund.Domain.Common;

namespace TrustFund.Domain.Tests.Common;

public sealed class TransitionTableTests
{
    private static readonly TransitionTable<Door> Table = new TransitionTable<Door>("Door", "A door that is {0} cannot be {1}.")
        .Allow(Door.Open, "Closed", Door.Closed)
        .Allow(Door.Closed, "Opened", Door.Open)
        .Allow(Door.Closed, "Locked", Door.LockedShut)
        .Allow(Door.LockedShut, "Unlocked", Door.Closed);

    private static readonly string[] Actions = ["Closed", "Opened", "Locked", "Unlocked"];

    public enum Door
    {
        Open,
        Closed,
        LockedShut,
    }

    private static IEnumerable<TestCaseData> IllegalMoves() =>
        from state in Enum.GetValues<Door>()
        from action in Actions
        where !Table.Moves.Any(m => m.From == state && m.Action == action)
        select new TestCaseData(state, action).SetArgDisplayNames(state.ToString(), action);

    [TestCase(Door.Open, "Closed", Door.Closed)]
    [TestCase(Door.Closed, "Opened", Door.Open)]
    [TestCase(Door.Closed, "Locked", Door.LockedShut)]
    [TestCase(Door.LockedShut, "Unlocked", Door.Closed)]
    public void Apply_LegalMove_ReturnsTheTargetState(Door from, string action, Door expected)
    {
        Assert.Multiple(() =>
        {
            Assert.That(Table.Apply(from, action), Is.EqualTo(expected));
            Assert.That(Table.CanApply(from, action), Is.True);
        });
    }

    [TestCaseSource(nameof(IllegalMoves))]
    public void Apply_IllegalMove_ThrowsDomainExceptionNamingStateAndAction(Door from, string action)
    {
        var error = Assert.Throws<DomainException>(() => Table.Apply(from, action))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Code, Is.EqualTo("door.illegal-transition"));
            Assert.That(error.Message, Does.StartWith("A door that is "));
            Assert.That(error.Message, Does.Contain($"cannot be {action.ToLowerInvariant()}."));
            Assert.That(Table.CanApply(from, action), Is.False);
        });
    }

    [Test]
    public void Apply_IllegalMoveFromMultiWordState_DescribesTheStateInPlainWords()
    {
        var error = Assert.Throws<DomainException>(() => Table.Apply(Door.LockedShut, "Opened"))!;

        Assert.That(error.Message, Is.EqualTo("A door that is locked shut cannot be opened."));
    }

    [Test]
    public void Apply_IllegalMultiWordAction_DescribesTheActionInPlainWords()
    {
        var table = new TransitionTable<Door>("Door", "A door that is {0} cannot be {1}.").Allow(Door.Closed, "PaintedBlue", Door.Closed);

        var error = Assert.Throws<DomainException>(() => table.Apply(Door.Open, "PaintedBlue"))!;

        Assert.That(error.Message, Is.EqualTo("A door that is open cannot be painted blue."));
    }

    [Test]
    public void Apply_IllegalMoveFromADescribedState_UsesTheDescription()
    {
        var table = new TransitionTable<Door>("Door", "A door that is {0} cannot be {1}.").Allow(Door.Open, "Closed", Door.Closed).Describe(Door.LockedShut, "locked with a key");

        var error = Assert.Throws<DomainException>(() => table.Apply(Door.LockedShut, "Closed"))!;

        Assert.That(error.Message, Is.EqualTo("A door that is locked with a key cannot be closed."));
    }

    [Test]
    public void Describe_SameStateTwice_IsRefused()
    {
        var table = new TransitionTable<Door>("Door", "A door that is {0} cannot be {1}.").Describe(Door.Open, "wide open");

        Assert.That(() => table.Describe(Door.Open, "ajar"), Throws.ArgumentException);
    }

    [Test]
    public void Apply_IllegalMove_CarriesTheEntitysWholeSentenceWithStateAndActionAsTranslatableWords()
    {
        var table = new TransitionTable<Door>("Organisation", "An organisation that is {0} cannot be {1}.").Allow(Door.Open, "Closed", Door.Closed);

        var error = Assert.Throws<DomainException>(() => table.Apply(Door.LockedShut, "Closed"))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Message, Is.EqualTo("An organisation that is locked shut cannot be closed."));
            Assert.That(error.Text.Template, Is.EqualTo("An organisation that is {0} cannot be {1}."));
            Assert.That(error.Text.Arguments, Is.EqualTo(new object[] { new LocalText("locked shut"), new LocalText("closed") }));
        });
    }

    [Test]
    public void Texts_ListTheSentenceEveryStateAndEveryDeclaredAction()
    {
        Assert.That(Table.Texts, Is.EquivalentTo(new[] { "A door that is {0} cannot be {1}.", "open", "closed", "locked shut", "opened", "locked", "unlocked" }));
    }

    [Test]
    public void Apply_UnknownAction_Throws()
    {
        Assert.That(() => Table.Apply(Door.Open, "Painted"), Throws.TypeOf<DomainException>().With.Message.EqualTo("A door that is open cannot be painted."));
    }

    [Test]
    public void Allow_SameStateAndActionTwice_IsRefused()
    {
        var table = new TransitionTable<Door>("Door", "A door that is {0} cannot be {1}.").Allow(Door.Open, "Closed", Door.Closed);

        Assert.That(() => table.Allow(Door.Open, "Closed", Door.LockedShut), Throws.ArgumentException);
    }

    [Test]
    public void Moves_ListsEveryDeclaredMoveOnce()
    {
        Assert.That(Table.Moves, Is.EquivalentTo(new[]
        {
            (Door.Open, "Closed", Door.Closed),
            (Door.Closed, "Opened", Door.Open),
            (Door.Closed, "Locked", Door.LockedShut),
            (Door.LockedShut, "Unlocked", Door.Closed),
        }));
    }
}
