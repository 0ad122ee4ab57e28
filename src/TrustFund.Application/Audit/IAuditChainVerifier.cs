namespace TrustFund.Application.Audit;

/// <summary>Walks the whole audit chain and reports the first entry whose hash or link does not hold.</summary>
public interface IAuditChainVerifier
{
    Task<AuditChainReport> VerifyAsync(CancellationToken cancellationToken);
}
