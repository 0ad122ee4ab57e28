namespace TrustFund.Infrastructure.Persistence;

/// <summary>How many reference numbers a call has given out; one row per call, kept apart from the call's row.</summary>
internal sealed class ReferenceSequence
{
    public ReferenceSequence(Guid callId, int issued)
    {
        CallId = callId;
        Issued = issued;
    }

    public Guid CallId { get; private set; }

    public int Issued { get; private set; }
}
