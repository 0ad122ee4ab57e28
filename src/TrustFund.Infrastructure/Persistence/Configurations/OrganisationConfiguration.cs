using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.Id).ValueGeneratedNever();
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Property(o => o.LegalName).HasMaxLength(Organisation.LegalNameMaxLength).IsRequired();
        builder.Property(o => o.CountryOfRegistration).HasMaxLength(3).IsFixedLength().IsRequired();
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(o => o.StatusReason).HasMaxLength(2000);
        builder.Property(o => o.Profile).HasJsonConversion().IsRequired();
        ProtectedBankColumn.Map(builder);
        builder.HasIndex(o => o.Status);
        builder.HasIndex(o => o.LegalName);
    }
}
