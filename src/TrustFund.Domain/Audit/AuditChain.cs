using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TrustFund.Domain.Audit;

/// <summary>The SHA-256 chain that makes the audit trail tamper-evident.</summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Hash of an entry's content together with the hash of the entry before it.</summary>
    public static string ComputeHash(AuditEntry entry)
    {
        var canonical = string.Join(
            '\u001f',
            entry.Sequence.ToString(CultureInfo.InvariantCulture),
            entry.OccurredAtUtc.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture),
            entry.ActorId?.ToString("D") ?? string.Empty,
            entry.ActorName ?? string.Empty,
            entry.IpAddress ?? string.Empty,
            entry.Action,
            entry.EntityType ?? string.Empty,
            entry.EntityId ?? string.Empty,
            entry.Summary,
            entry.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>
    /// Checks entries given in sequence order. Returns the sequence of the first entry whose
    /// position, link or content does not match, or null when the chain is intact.
    /// </summary>
    public static long? FindFirstBreak(IEnumerable<AuditEntry> entriesInOrder, long expectedFirstSequence = 1, string expectedPreviousHash = Genesis)
    {
        var expectedSequence = expectedFirstSequence;
        var previousHash = expectedPreviousHash;
        foreach (var entry in entriesInOrder)
        {
            if (entry.Sequence != expectedSequence
                || !string.Equals(entry.PreviousHash, previousHash, StringComparison.Ordinal)
                || !string.Equals(entry.Hash, ComputeHash(entry), StringComparison.Ordinal))
            {
                return expectedSequence;
            }

            previousHash = entry.Hash;
            expectedSequence++;
        }

        return null;
    }
}
