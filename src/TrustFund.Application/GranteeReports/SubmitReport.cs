using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// The grantee submits a report (or resubmits it after a request for revision) as a new version.
/// Every content rule is checked at once; text flagged as possible personal data is refused unless
/// <see cref="AttestsFlaggedTextIsNotAboutAVictim"/>. <see cref="Version"/> is the report's version the form showed.
/// </summary>
public sealed record SubmitReport(Guid GrantId, Guid ReportId, Guid? Version, ReportContent Content, bool AttestsFlaggedTextIsNotAboutAVictim) : IUseCase<ReportSent>;

/// <summary>What submitting did.</summary>
public enum ReportSent
{
    Submitted,

    /// <summary>The report was already submitted (a second click, or another member of the organisation): nothing changed.</summary>
    AlreadySubmitted,
}

internal sealed class SubmitReportValidator : AbstractValidator<SubmitReport>
{
    public SubmitReportValidator()
    {
        RuleFor(x => x.Content).NotNull().WithMessage("Fill in the report.");
    }
}

internal sealed class SubmitReportHandler : IUseCaseHandler<SubmitReport, ReportSent>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public SubmitReportHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReportSent> HandleAsync(SubmitReport request, CancellationToken cancellationToken)
    {
        var (_, report) = await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Write, track: true, cancellationToken);
        if ((report.Status is ReportStatus.Submitted or ReportStatus.Accepted) && request.Version != report.Version)
        {
            return ReportSent.AlreadySubmitted;
        }

        _db.ExpectVersion(report, request.Version);
        report.Submit(request.Content, request.AttestsFlaggedTextIsNotAboutAVictim, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return ReportSent.Submitted;
    }
}
