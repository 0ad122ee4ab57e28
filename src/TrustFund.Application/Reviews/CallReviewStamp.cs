namespace TrustFund.Application.Reviews;

/// <summary>
/// A value renewed, in the same transaction, by every change that alters a call's ranking (a screening
/// outcome, a withdrawal, an assignment, a declaration, a submitted, reopened or removed review). A
/// kept ranking is used only while the call's row version and this stamp are both unchanged, so a
/// change made through any instance shows at once. A random value, not a counter: two transactions
/// renewing it at the same time can never leave it at a value a reader has already seen.
/// </summary>
public sealed class CallReviewStamp
{
    private CallReviewStamp()
    {
    }

    public Guid CallId { get; private set; }

    public Guid Stamp { get; private set; }

    public static CallReviewStamp For(Guid callId) => new() { CallId = callId, Stamp = Guid.NewGuid() };

    public void Renew() => Stamp = Guid.NewGuid();
}
