namespace TrustFund.Application.Common;

/// <summary>A use case refuses the request for reasons that are not an aggregate's rule (a code already taken, a request sent twice).</summary>
public sealed class RefusedException : Exception
{
    public RefusedException(IReadOnlyList<Problem> problems)
        : base(string.Join(" ", problems.Select(p => p.Message)))
    {
        Problems = problems;
    }

    public RefusedException(Problem problem)
        : this([problem])
    {
    }

    public RefusedException()
        : this([])
    {
    }

    public RefusedException(string message)
        : this(Problem.General(message))
    {
    }

    public RefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [Problem.General(message)];
    }

    public IReadOnlyList<Problem> Problems { get; }
}
