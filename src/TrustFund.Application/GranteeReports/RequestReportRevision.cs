using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// A fund manager sends the submitted version of a report back to the grantee with a comment saying
/// what to revise, and optionally the last day to resubmit. <see cref="Version"/> is the report's version the page showed.
/// </summary>
public sealed record RequestReportRevision(Guid GrantId, Guid ReportId, Guid? Version, string? Comment, DateOnly? ResubmitBy) : IUseCase<ReportReviewed>;

internal sealed class RequestReportRevisionValidator : AbstractValidator<RequestReportRevision>
{
    public RequestReportRevisionValidator()
    {
        RuleFor(x => x.Comment).NotEmpty().WithMessage("Write what needs revising.")
            .MaximumLength(GranteeReport.CommentMaxLength).WithText("The comment must be {0:N0} characters or fewer.", GranteeReport.CommentMaxLength);
    }
}

internal sealed class RequestReportRevisionHandler : IUseCaseHandler<RequestReportRevision, ReportReviewed>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestReportRevisionHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReportReviewed> HandleAsync(RequestReportRevision request, CancellationToken cancellationToken)
    {
        var (_, report) = await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Review, track: true, cancellationToken);
        if (report.Status == ReportStatus.RevisionRequested && request.Version != report.Version)
        {
            return ReportReviewed.AlreadyDone;
        }

        _db.ExpectVersion(report, request.Version);
        report.RequestRevision(request.Comment, request.ResubmitBy, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return ReportReviewed.Done;
    }
}
