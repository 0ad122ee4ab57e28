using TrustFund.Application.Common;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;

namespace TrustFund.Application.GranteeReports;

/// <summary>
/// Checks a report's content as the grantee fills it in, without saving anything: every rule it breaks
/// (tied to its field) and what the personal-data screening flags, so both show next to the fields
/// before the report is submitted.
/// </summary>
public sealed record CheckReport(Guid GrantId, Guid ReportId, ReportContent Content) : IUseCase<ReportCheck>;

/// <summary>What checking found.</summary>
public sealed record ReportCheck(IReadOnlyList<RuleViolation> Problems, IReadOnlyList<PersonalDataFinding> PossiblePersonalData)
{
    public bool IsClean => Problems.Count == 0 && PossiblePersonalData.Count == 0;
}

internal sealed class CheckReportHandler : IUseCaseHandler<CheckReport, ReportCheck>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public CheckReportHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<ReportCheck> HandleAsync(CheckReport request, CancellationToken cancellationToken)
    {
        await GrantReports.ReportAsync(_db, _access, request.GrantId, request.ReportId, ReportOperations.Write, track: false, cancellationToken);
        return new ReportCheck(request.Content.Check(), GranteeReport.Screen(request.Content));
    }
}
