using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class ScreeningConfiguration : IEntityTypeConfiguration<Screening>
{
    public void Configure(EntityTypeBuilder<Screening> builder)
    {
        builder.ToTable("Screenings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Gates).HasJsonConversion().IsRequired();
        builder.Property(s => s.Outcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.OutcomeReason).HasMaxLength(GrantApplication.ReasonMaxLength);
        builder.Property(s => s.StartedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.LastChangedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.DecidedBy).HasMaxLength(256);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.ApplicationId, s.VersionNumber }).IsUnique();
    }
}
