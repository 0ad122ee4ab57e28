namespace TrustFund.Domain.Common;

/// <summary>
/// One explicit table of the legal moves of a lifecycle. Any move not listed throws a
/// <see cref="DomainException"/>: an illegal transition is never a silent no-op.
/// </summary>
public sealed class TransitionTable<TState>
    where TState : struct, Enum
{
    private readonly Dictionary<(TState From, string Action), TState> _moves = [];
    private readonly Dictionary<TState, string> _wording = [];
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

    /// <summary>
    /// How <paramref name="state"/> reads in "a call that is ... cannot be ..." when its name alone
    /// does not (for example "a draft" rather than "draft").
    /// </summary>
    public TransitionTable<TState> Describe(TState state, string words)
    {
        _wording.Add(state, words);
        return this;
    }

    /// <summary>Whether <paramref name="action"/> is legal from <paramref name="from"/>.</summary>
    public bool CanApply(TState from, string action) => _moves.ContainsKey((from, action));

    /// <summary>
    /// The state reached by <paramref name="action"/>, or a domain error when the move is illegal.
    /// Actions are named as past participles, one word or several ("Verified", "PutUnderReview"), so
    /// the error reads "An organisation that is rejected cannot be suspended." or "An application that
    /// is a draft cannot be put under review."
    /// </summary>
    public TState Apply(TState from, string action) =>
        _moves.TryGetValue((from, action), out var to)
            ? to
            : throw new DomainException(
                $"{_name.ToLowerInvariant()}.illegal-transition",
                $"{IndefiniteArticle(_name)} {_name.ToLowerInvariant()} that is {_wording.GetValueOrDefault(from) ?? InWords(from.ToString())} cannot be {InWords(action)}.");

    /// <summary>Every declared move, for tests and documentation.</summary>
    public IEnumerable<(TState From, string Action, TState To)> Moves =>
        _moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    private static string IndefiniteArticle(string noun) =>
        noun.Length > 0 && "aeiouAEIOU".Contains(noun[0], StringComparison.Ordinal) ? "An" : "A";

    private static string InWords(string name)
    {
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
