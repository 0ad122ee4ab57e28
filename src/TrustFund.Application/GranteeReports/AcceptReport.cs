using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// A fund manager accepts the submitted version of a report (which can meet an instalment's report
/// condition). <see cref="Version"/> is the report's version the page showed: a report resubmitted
/// since is refused as stale, so nobody accepts a version they have not read.
/// </summary>
public sealed record AcceptReport(Guid GrantId, Guid ReportId, Guid? Version) : IUseCase<ReportReviewed>;

/// <summary>What reviewing did.</summary>
public enum ReportReviewed
{
    Done,

    /// <summary>The same decision was already recorded (a second click): nothing changed.</summary>
    AlreadyDone,
}

internal sealed class AcceptReportHandler : IUseCaseHandler<AcceptReport, ReportReviewed>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public AcceptReportHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReportReviewed> HandleAsync(AcceptReport request, CancellationToken cancellationToken)
    {
        var (_, report) = await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Review, track: true, cancellationToken);
        if (report.Status == ReportStatus.Accepted && request.Version != report.Version)
        {
            return ReportReviewed.AlreadyDone;
        }

        _db.ExpectVersion(report, request.Version);
        report.Accept(_actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return ReportReviewed.Done;
    }
}
