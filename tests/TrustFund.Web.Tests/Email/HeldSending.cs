namespace TrustFund.Web.Tests.Email;

/// <summary>
/// One sending held back by <see cref="RecordingEmailSender.Hold"/>: the dispatcher waits inside the
/// send until the test releases it, so a test decides exactly how two dispatchers interleave.
/// </summary>
public sealed class HeldSending
{
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a dispatcher has claimed the message and started sending it.</summary>
    public Task Reached => _reached.Task;

    /// <summary>Lets the waiting dispatcher finish the send and go on.</summary>
    public void Release() => _released.TrySetResult();

    internal async Task WaitAsync(CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _released.Task.WaitAsync(cancellationToken);
    }
}
