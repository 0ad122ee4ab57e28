using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Identity;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<TrustFundUser>
{
    public void Configure(EntityTypeBuilder<TrustFundUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(TrustFundUser.DisplayNameMaxLength).IsRequired();
        builder.Property(u => u.PreferredCulture).HasMaxLength(TrustFundUser.CultureMaxLength);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.OrganisationId);
    }
}
