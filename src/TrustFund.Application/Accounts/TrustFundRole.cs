using Microsoft.AspNetCore.Identity;

namespace TrustFund.Application.Accounts;

/// <summary>A role in ASP.NET Core Identity, keyed by Guid like users.</summary>
public sealed class TrustFundRole : IdentityRole<Guid>
{
    public TrustFundRole()
    {
        Id = Guid.NewGuid();
    }

    public TrustFundRole(string name)
        : base(name)
    {
        Id = Guid.NewGuid();
        NormalizedName = name.ToUpperInvariant();
    }
}
