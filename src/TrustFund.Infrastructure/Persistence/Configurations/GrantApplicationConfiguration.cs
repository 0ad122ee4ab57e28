using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> builder)
    {
        builder.ToTable("Applications");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Reference).HasMaxLength(60);
        builder.Property(a => a.Title).HasMaxLength(GrantApplication.TitleMaxLength).IsRequired();
        builder.Property(a => a.OrganisationName).HasMaxLength(Organisation.LegalNameMaxLength).IsRequired();
        builder.Property(a => a.Content).HasJsonConversion().IsRequired();
        builder.Property(a => a.CountryIndex).HasMaxLength(2000).IsRequired();
        builder.Property(a => a.AssistanceIndex).HasMaxLength(1000).IsRequired();
        builder.Property(a => a.LastEditedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.WithdrawalReason).HasMaxLength(GrantApplication.ReasonMaxLength);
        builder.Property(a => a.InformationRequest).HasMaxLength(GrantApplication.ReasonMaxLength);
        builder.Property(a => a.IneligibilityReason).HasMaxLength(GrantApplication.ReasonMaxLength);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(a => a.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(a => a.Reference).IsUnique();
        builder.HasIndex(a => new { a.OrganisationId, a.CallId });
        builder.HasIndex(a => new { a.CallId, a.Status });

        // The managers' list seeks one page in the order chosen, with or without a status filter.
        builder.HasIndex(a => new { a.Status, a.SubmittedAtUtc, a.Id });
        builder.HasIndex(a => new { a.Status, a.AmountRequested, a.Id });
        builder.HasIndex(a => new { a.Status, a.Title, a.Id });
        builder.HasIndex(a => new { a.Status, a.OrganisationName, a.Id });
        builder.HasIndex(a => new { a.SubmittedAtUtc, a.Id });
        builder.HasIndex(a => new { a.AmountRequested, a.Id });
        builder.HasIndex(a => new { a.Title, a.Id });
        builder.HasIndex(a => new { a.OrganisationName, a.Id });
    }
}
