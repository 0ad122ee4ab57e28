using TrustFund.Application.Common;

namespace TrustFund.Application.Applications;

/// <summary>
/// The receipt of an application's latest submission: its reference, the version's number, when and by
/// whom it was submitted and the amount it requested. An application not submitted yet has no receipt.
/// Another organisation's application is not found.
/// </summary>
public sealed record ShowReceipt(Guid ApplicationId) : IUseCase<ApplicationReceipt>;

/// <summary>The application with its call (for the page's header) and its receipt, none when it has not been submitted yet.</summary>
public sealed record ApplicationReceipt(ApplicationDetails Details, SubmissionReceipt? Submission);

/// <summary>What the receipt states about the latest submitted version; its instant is shown in the call's time zone.</summary>
public sealed record SubmissionReceipt(string Reference, int VersionNumber, DateTime SubmittedAtUtc, string TimeZoneId, decimal? AmountRequested, string SubmittedBy);

internal sealed class ShowReceiptHandler : IUseCaseHandler<ShowReceipt, ApplicationReceipt>
{
    private readonly IUseCaseHandler<ShowApplication, ApplicationDetails> _show;

    public ShowReceiptHandler(IUseCaseHandler<ShowApplication, ApplicationDetails> show)
    {
        _show = show;
    }

    public async Task<ApplicationReceipt> HandleAsync(ShowReceipt request, CancellationToken cancellationToken)
    {
        var details = await _show.HandleAsync(new ShowApplication(request.ApplicationId, WithVersions: true), cancellationToken);
        var latest = details.Versions.Count > 0 ? details.Versions[^1] : null;
        if (details.Application.Reference is not { } reference || latest is null)
        {
            return new ApplicationReceipt(details, null);
        }

        return new ApplicationReceipt(
            details,
            new SubmissionReceipt(reference, latest.Number, latest.SubmittedAtUtc, details.Call.Terms.TimeZoneId, latest.Content.AmountRequested, latest.SubmittedBy));
    }
}
