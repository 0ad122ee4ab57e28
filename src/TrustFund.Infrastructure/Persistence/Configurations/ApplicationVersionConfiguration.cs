using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class ApplicationVersionConfiguration : IEntityTypeConfiguration<ApplicationVersion>
{
    public void Configure(EntityTypeBuilder<ApplicationVersion> builder)
    {
        builder.ToTable("ApplicationVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.Property(v => v.Content).HasJsonConversion().IsRequired();
        builder.Property(v => v.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(v => v.Terms).HasJsonConversion();
        builder.Property(v => v.OrganisationName).HasMaxLength(Organisation.LegalNameMaxLength).IsRequired();
        builder.Property(v => v.Documents).HasJsonConversion();
        builder.HasIndex(v => new { v.ApplicationId, v.Number }).IsUnique();
    }
}
