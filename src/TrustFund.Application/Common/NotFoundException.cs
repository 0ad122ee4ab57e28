namespace TrustFund.Application.Common;

/// <summary>
/// The record does not exist, or the person may not know that it exists (another organisation's
/// application): both answer the same, so nothing leaks.
/// </summary>
public sealed class NotFoundException : Exception
{
    public NotFoundException()
        : base("The record does not exist or is not yours to see.")
    {
    }

    public NotFoundException(string message)
        : base(message)
    {
    }

    public NotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
