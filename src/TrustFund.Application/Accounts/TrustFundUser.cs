using Microsoft.AspNetCore.Identity;

namespace TrustFund.Application.Accounts;

/// <summary>A person who signs in: NGO staff (with an organisation) or Secretariat staff.</summary>
public sealed class TrustFundUser : IdentityUser<Guid>
{
    public const int DisplayNameMaxLength = 200;

    public TrustFundUser()
    {
        Id = Guid.NewGuid();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation an applicant works for; null for Secretariat staff.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>False once an administrator deactivated the account: it can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    public DateTime? LastSignInAtUtc { get; set; }
}
