using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Infrastructure.Persistence.Configurations;

/// <summary>The five roles are reference data, created by the first migration in every environment.</summary>
internal sealed class RoleConfiguration : IEntityTypeConfiguration<TrustFundRole>
{
    private static readonly Dictionary<string, Guid> Ids = new()
    {
        [Roles.Applicant] = new Guid("0b8f7c1e-5d1a-4a55-9a52-7f0f6b1a0001"),
        [Roles.Reviewer] = new Guid("0b8f7c1e-5d1a-4a55-9a52-7f0f6b1a0002"),
        [Roles.FundManager] = new Guid("0b8f7c1e-5d1a-4a55-9a52-7f0f6b1a0003"),
        [Roles.FinanceOfficer] = new Guid("0b8f7c1e-5d1a-4a55-9a52-7f0f6b1a0004"),
        [Roles.Administrator] = new Guid("0b8f7c1e-5d1a-4a55-9a52-7f0f6b1a0005"),
    };

    public void Configure(EntityTypeBuilder<TrustFundRole> builder) =>
        builder.HasData(Roles.All.Select(name => new TrustFundRole
        {
            Id = Ids[name],
            Name = name,
            NormalizedName = name.ToUpperInvariant(),
            ConcurrencyStamp = Ids[name].ToString("N"),
        }));
}
