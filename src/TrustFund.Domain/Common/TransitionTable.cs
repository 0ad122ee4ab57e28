namespace TrustFund.Domain.Common;

/// <summary>
/// One explicit table of the legal moves of a lifecycle. Any move not listed throws a
/// <see cref="DomainException"/>: an illegal transition is never a silent no-op.
/// </summary>
public sealed class TransitionTable<TState>
    where TState : struct, Enum
{
    private readonly Dictionary<(TState From, string Action), TState> _moves = [];
    private readonly string _name;

    public TransitionTable(string name)
    {
        _name = name;
    }

    /// <summary>Declares that <paramref name="action"/> moves the lifecycle from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public TransitionTable<TState> Allow(TState from, string action, TState to)
    {
        _moves.Add((from, action), to);
        return this;
    }

    /// <summary>Whether <paramref name="action"/> is legal from <paramref name="from"/>.</summary>
    public bool CanApply(TState from, string action) => _moves.ContainsKey((from, action));

    /// <summary>
    /// The state reached by <paramref name="action"/>, or a domain error when the move is illegal.
    /// Actions are named as past participles ("Verified"), so the error reads "An organisation that
    /// is rejected cannot be suspended."
    /// </summary>
    public TState Apply(TState from, string action) =>
        _moves.TryGetValue((from, action), out var to)
            ? to
            : throw new DomainException(
                $"{_name.ToLowerInvariant()}.illegal-transition",
                $"{IndefiniteArticle(_name)} {_name.ToLowerInvariant()} that is {Describe(from)} cannot be {action.ToLowerInvariant()}.");

    /// <summary>Every declared move, for tests and documentation.</summary>
    public IEnumerable<(TState From, string Action, TState To)> Moves =>
        _moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    private static string IndefiniteArticle(string noun) =>
        noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "An" : "A";

    private static string Describe(TState state)
    {
        var name = state.ToString();
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString();
    }
}
