namespace TrustFund.Application.Applications;

/// <summary>
/// Reads what a fund manager sees about one submitted application, kept in memory between views while
/// nothing it shows has changed. Tuned for the detail page's performance targets, so it lives in
/// Infrastructure.
/// </summary>
public interface IApplicationDetails
{
    /// <summary>
    /// The application as submitted and screened, with <paramref name="versionNumber"/>'s content when
    /// given; null when there is no such submitted application.
    /// </summary>
    Task<ApplicationDetailsModel?> ReadAsync(Guid id, int? versionNumber, CancellationToken cancellationToken);
}
