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
    private readonly string _refusal;

    /// <summary>
    /// A lifecycle named <paramref name="name"/>, whose illegal moves are refused with the whole
    /// sentence <paramref name="refusal"/>: {0} is the state, {1} the action, both translated in turn
    /// ("A call that is {0} cannot be {1}.").
    /// </summary>
    public TransitionTable(string name, string refusal)
    {
        _name = name;
        _refusal = refusal;
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
            : throw new DomainException($"{_name.ToLowerInvariant()}.illegal-transition", Refusal(from, action));

    /// <summary>The sentence refusing <paramref name="action"/> from <paramref name="from"/>, state and action as translatable words.</summary>
    public LocalText Refusal(TState from, string action) =>
        new(_refusal, new LocalText(StateWords(from)), new LocalText(InWords(action)));

    /// <summary>Every English text the refusals use: the sentence, each state's words and each declared action's words.</summary>
    public IEnumerable<string> Texts =>
        new[] { _refusal }
            .Concat(Enum.GetValues<TState>().Select(StateWords))
            .Concat(_moves.Keys.Select(k => InWords(k.Action)))
            .Distinct(StringComparer.Ordinal);

    /// <summary>Every declared move, for tests and documentation.</summary>
    public IEnumerable<(TState From, string Action, TState To)> Moves =>
        _moves.Select(m => (m.Key.From, m.Key.Action, m.Value));

    private string StateWords(TState state) => _wording.GetValueOrDefault(state) ?? InWords(state.ToString());

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
