namespace TrustFund.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (for tests and translations);
/// the message is meant for the person who tried the action: <see cref="Text"/> keeps it translatable,
/// <see cref="Exception.Message"/> is its English sentence.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string code, LocalText text)
        : base(text?.ToString())
    {
        ArgumentNullException.ThrowIfNull(text);
        Code = code;
        Text = text;
    }

    public DomainException(string code, string message)
        : this(code, new LocalText(message))
    {
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
        Text = new LocalText(message);
    }

    /// <summary>Stable identifier of the broken rule.</summary>
    public string Code { get; } = "domain";

    /// <summary>The message as a translatable template and its arguments.</summary>
    public LocalText Text { get; }
}
