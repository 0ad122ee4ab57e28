namespace TrustFund.Application.Common;

/// <summary>
/// The connection was lost while a transaction was being committed: the database may have committed
/// it or not, so the work must not be run again blindly.
/// </summary>
public sealed class CommitOutcomeUnknownException : Exception
{
    public CommitOutcomeUnknownException()
        : base("The connection to the database was lost during a commit; whether the transaction was committed is unknown.")
    {
    }

    public CommitOutcomeUnknownException(string message)
        : base(message)
    {
    }

    public CommitOutcomeUnknownException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
