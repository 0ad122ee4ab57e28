using TrustFund.Domain.GranteeReports;

namespace TrustFund.Domain.Tests.Builders;

/// <summary>Builds a grantee report in any status by taking it through the legal moves that reach it.</summary>
public sealed class GranteeReportBuilder
{
    public static readonly DateTime Now = new(2026, 7, 10, 9, 0, 0, DateTimeKind.Utc);

    public static readonly DateOnly DueOn = new(2026, 7, 31);

    private ReportStatus _status = ReportStatus.Due;
    private ReportKind _kind = ReportKind.Interim;

    public static GranteeReportBuilder AReport() => new();

    public GranteeReportBuilder In(ReportStatus status)
    {
        _status = status;
        return this;
    }

    public GranteeReportBuilder OfKind(ReportKind kind)
    {
        _kind = kind;
        return this;
    }

    public GranteeReport Build()
    {
        var report = GranteeReport.Schedule(Guid.NewGuid(), new PlannedReport(_kind, 1, DueOn.AddDays(-31), DueOn));
        void Submit() => report.Submit(ReportContents.Valid(), false, "Grace", Now);
        void SendBack() => report.RequestRevision("Add the referral figures.", null, "Omar", Now);
        Action[] path = _status switch
        {
            ReportStatus.Due => [],
            ReportStatus.Submitted => [Submit],
            ReportStatus.RevisionRequested => [Submit, SendBack],
            ReportStatus.Accepted => [Submit, () => report.Accept("Omar", Now)],
        };
        foreach (var step in path)
        {
            step();
        }

        return report.Status == _status
            ? report
            : throw new InvalidOperationException($"The builder reached {report.Status}, not {_status}.");
    }
}
