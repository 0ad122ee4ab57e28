namespace TrustFund.Domain.Common;

/// <summary>Several rules were broken at once; every violation is reported, not only the first.</summary>
public sealed class RulesViolatedException : DomainException
{
    public RulesViolatedException(IReadOnlyList<RuleViolation> violations)
        : base("rules-violated", string.Join(" ", violations.Select(v => v.Message)))
    {
        Violations = violations;
    }

    public RulesViolatedException()
        : this([])
    {
    }

    public RulesViolatedException(string message)
        : this([new RuleViolation(string.Empty, message)])
    {
    }

    public RulesViolatedException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violations = [new RuleViolation(string.Empty, message)];
    }

    public IReadOnlyList<RuleViolation> Violations { get; }

    /// <summary>Throws when <paramref name="violations"/> is not empty.</summary>
    public static void ThrowIfAny(IReadOnlyList<RuleViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new RulesViolatedException(violations);
        }
    }
}
