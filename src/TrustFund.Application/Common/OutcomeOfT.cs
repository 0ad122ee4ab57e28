namespace TrustFund.Application.Common;

/// <summary>How a use case ended: its result, or why nothing was saved.</summary>
public sealed class Outcome<TResult>
{
    private readonly TResult? _value;

    internal Outcome(OutcomeKind kind, TResult? value, IReadOnlyList<Problem> problems, StaleEdit? stale)
    {
        Kind = kind;
        _value = value;
        Problems = problems;
        Stale = stale;
    }

    public OutcomeKind Kind { get; }

    public bool Succeeded => Kind == OutcomeKind.Done;

    /// <summary>The result; only when <see cref="Succeeded"/>.</summary>
    public TResult Value => Succeeded
        ? _value!
        : throw new InvalidOperationException($"The use case ended {Kind}: it has no result.");

    /// <summary>Why it was refused (empty unless <see cref="OutcomeKind.Refused"/>).</summary>
    public IReadOnlyList<Problem> Problems { get; }

    /// <summary>The record that changed meanwhile (only when <see cref="OutcomeKind.Stale"/>).</summary>
    public StaleEdit? Stale { get; }
}
