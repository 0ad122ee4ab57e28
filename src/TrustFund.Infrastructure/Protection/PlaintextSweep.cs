using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Infrastructure.Protection;

/// <summary>
/// Run at start-up, after the migrations: protects values stored in plain text before encryption at
/// rest was introduced (bank details, user tokens), so none is left waiting for its next change.
/// </summary>
public static class PlaintextSweep
{
    /// <summary>Protects every plain-text value left; returns how many there were.</summary>
    public static async Task<int> ProtectAsync(TrustFundDbContext db, IDataProtectionProvider dataProtection, CancellationToken cancellationToken = default)
    {
        // Loaded with tracking: the context protects their bank column on save (ProtectedBankColumn.Seal).
        var organisations = await db.Organisations
            .Where(o => EF.Property<string?>(o, ProtectedBankColumn.Property) != null
                && !EF.Property<string>(o, ProtectedBankColumn.Property).StartsWith(ProtectedText.Header))
            .ToListAsync(cancellationToken);

        var tokens = await db.UserTokens
            .Where(t => t.Value != null && t.Value != string.Empty && !t.Value.StartsWith(ProtectedText.Header))
            .ToListAsync(cancellationToken);
        var protector = dataProtection.CreateProtector(ProtectionPurposes.UserTokens);
        foreach (var token in tokens.Where(t => !ProtectedText.IsProtected(t.Value)))
        {
            token.Value = protector.Protect(token.Value!);
        }

        if (organisations.Count + tokens.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return organisations.Count + tokens.Count;
    }
}
