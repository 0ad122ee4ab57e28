using System.Globalization;
using TrustFund.Application.Common;

namespace TrustFund.Application.Audit;

/// <summary>An administrator checks the audit trail's hash chain end to end; the check itself is audited with its result.</summary>
public sealed record VerifyAuditChain : IUseCase<AuditChainReport>;

internal sealed class VerifyAuditChainHandler : IUseCaseHandler<VerifyAuditChain, AuditChainReport>
{
    private readonly IAuditChainVerifier _verifier;
    private readonly IAuditTrail _audit;

    public VerifyAuditChainHandler(IAuditChainVerifier verifier, IAuditTrail audit)
    {
        _verifier = verifier;
        _audit = audit;
    }

    public async Task<AuditChainReport> HandleAsync(VerifyAuditChain request, CancellationToken cancellationToken)
    {
        var report = await _verifier.VerifyAsync(cancellationToken);
        var summary = report.IsIntact
            ? $"Chain intact: {report.EntriesVerified} entries verified"
            : $"Chain broken at entry #{report.FirstBrokenSequence} after {report.EntriesVerified} intact entries";
        await _audit.RecordNowAsync(AuditActions.ChainVerified, summary, "AuditEntry", report.FirstBrokenSequence?.ToString(CultureInfo.InvariantCulture), cancellationToken);
        return report;
    }
}
