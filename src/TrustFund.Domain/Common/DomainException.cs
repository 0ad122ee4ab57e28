namespace TrustFund.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (for tests and translations);
/// the message is plain English meant for the person who tried the action.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public DomainException()
        : this("domain", "The action is not allowed.")
    {
    }

    public DomainException(string message)
        : this("domain", message)
    {
    }

    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "domain";
    }

    /// <summary>Stable identifier of the broken rule.</summary>
    public string Code { get; } = "domain";
}
