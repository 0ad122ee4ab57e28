using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;

namespace TrustFund.Application.Calls;

/// <summary>Calls anyone may see by code: every call but drafts.</summary>
internal static class PublicCalls
{
    public static async Task<Call?> FindAsync(ITrustFundDb db, string? code, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > Call.CodeMaxLength)
        {
            return null;
        }

        var normalised = code.Trim().ToUpperInvariant();
        return await db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Code == normalised && c.Status != CallStatus.Draft, cancellationToken);
    }
}
