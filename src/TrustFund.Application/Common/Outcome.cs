namespace TrustFund.Application.Common;

/// <summary>Makes the outcomes of use cases.</summary>
public static class Outcome
{
    public static Outcome<TResult> Done<TResult>(TResult value) => new(OutcomeKind.Done, value, [], null);

    public static Outcome<TResult> NotFound<TResult>() => new(OutcomeKind.NotFound, default, [], null);

    public static Outcome<TResult> Refused<TResult>(IReadOnlyList<Problem> problems) => new(OutcomeKind.Refused, default, problems, null);

    public static Outcome<TResult> StaleEdit<TResult>(StaleEdit stale) => new(OutcomeKind.Stale, default, [], stale);
}
