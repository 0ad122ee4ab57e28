using Microsoft.AspNetCore.DataProtection;

namespace TrustFund.Infrastructure.Protection;

/// <summary>
/// Text protected with ASP.NET Core Data Protection, as stored in a database column. Every payload
/// Data Protection writes starts with its magic header 09 F0 C9 F0, which is "CfDJ8" in base64url;
/// values written before encryption was introduced (JSON, base32 keys, recovery codes) never start
/// so, and are read as they are until the next write protects them.
/// </summary>
public static class ProtectedText
{
    /// <summary>How every Data Protection payload begins.</summary>
    public const string Header = "CfDJ8";

    /// <summary>Whether <paramref name="stored"/> is a Data Protection payload rather than legacy plain text.</summary>
    public static bool IsProtected(string? stored) => stored?.StartsWith(Header, StringComparison.Ordinal) == true;

    /// <summary>The plain text of a stored value: unprotected when protected, as stored when legacy plain text.</summary>
    public static string Reveal(IDataProtector protector, string stored) =>
        IsProtected(stored) ? protector.Unprotect(stored) : stored;
}
