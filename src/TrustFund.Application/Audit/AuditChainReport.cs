namespace TrustFund.Application.Audit;

/// <summary>Outcome of a chain verification: how many entries were intact and where the chain first breaks.</summary>
public sealed record AuditChainReport(long EntriesVerified, long? FirstBrokenSequence)
{
    public bool IsIntact => FirstBrokenSequence is null;
}
