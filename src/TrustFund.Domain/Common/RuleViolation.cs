namespace TrustFund.Domain.Common;

/// <summary>One broken rule, tied to the field (or section) it concerns so the form can point at it.</summary>
public sealed record RuleViolation(string Field, LocalText Text)
{
    /// <summary>The English sentence.</summary>
    public string Message => Text.ToString();

    /// <summary>Two violations are the same when they concern the same field and read the same in English.</summary>
    public bool Equals(RuleViolation? other) =>
        other is not null && Field == other.Field && Message == other.Message;

    public override int GetHashCode() => HashCode.Combine(Field, Message);
}
