using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// The grantee saves what they have written so far, while the report is due or sent back for
/// revision. A draft may be incomplete: the content rules and the screening apply when it is
/// submitted. <see cref="Version"/> is the report's version the form showed, so a colleague's save is never overwritten unseen.
/// </summary>
public sealed record SaveReportDraft(Guid GrantId, Guid ReportId, Guid? Version, ReportContent Content) : IUseCase<Done>;

internal sealed class SaveReportDraftValidator : AbstractValidator<SaveReportDraft>
{
    public SaveReportDraftValidator()
    {
        RuleFor(x => x.Content).NotNull().WithMessage("Fill in the report.");
    }
}

internal sealed class SaveReportDraftHandler : IUseCaseHandler<SaveReportDraft, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public SaveReportDraftHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(SaveReportDraft request, CancellationToken cancellationToken)
    {
        var (_, report) = await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Write, track: true, cancellationToken);
        _db.ExpectVersion(report, request.Version);
        report.SaveDraft(request.Content, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
