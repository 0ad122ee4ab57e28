using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class ReviewerProfileConfiguration : IEntityTypeConfiguration<ReviewerProfile>
{
    public void Configure(EntityTypeBuilder<ReviewerProfile> builder)
    {
        builder.ToTable("ReviewerProfiles");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Ignore(p => p.UserId);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.Languages).HasJsonConversion().IsRequired();
        builder.Property(p => p.Regions).HasJsonConversion().IsRequired();
        builder.Property(p => p.Forms).HasJsonConversion().IsRequired();
        builder.Property(p => p.LastChangedBy).HasMaxLength(256).IsRequired();
        builder.HasOne<TrustFundUser>().WithOne().HasForeignKey<ReviewerProfile>(p => p.Id).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("ReviewAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Property(a => a.ReviewerName).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ApplicationTitle).HasMaxLength(GrantApplication.TitleMaxLength).IsRequired();
        builder.Property(a => a.OrganisationName).HasMaxLength(Organisation.LegalNameMaxLength).IsRequired();
        builder.Property(a => a.ApplicationReference).HasMaxLength(60);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.AssignedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.ConflictType).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ConflictNote).HasMaxLength(ReviewAssignment.NoteMaxLength);
        builder.Property(a => a.Scores).HasJsonConversion().IsRequired();
        builder.Property(a => a.Recommendation).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Summary).HasMaxLength(ReviewAssignment.SummaryMaxLength).IsRequired();
        builder.Property(a => a.WeightedScore).HasPrecision(5, 2);
        builder.Property(a => a.Reopenings).HasJsonConversion().IsRequired();
        builder.Ignore(a => a.IsOpen);
        builder.Ignore(a => a.IsActive);
        builder.HasOne<Call>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(a => a.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TrustFundUser>().WithMany().HasForeignKey(a => a.ReviewerId).OnDelete(DeleteBehavior.Restrict);

        // One assignment per reviewer and application, ever (a recused reviewer is never assigned again).
        builder.HasIndex(a => new { a.ApplicationId, a.ReviewerId }).IsUnique();
        // The reviewer's queue: their open assignments, and their latest submitted reviews read in order.
        builder.HasIndex(a => new { a.ReviewerId, a.Status, a.SubmittedAtUtc });
        builder.HasIndex(a => new { a.CallId, a.Status });
    }
}

internal sealed class ConflictRulingConfiguration : IEntityTypeConfiguration<ConflictRuling>
{
    public void Configure(EntityTypeBuilder<ConflictRuling> builder)
    {
        builder.ToTable("ConflictRulings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Match).HasMaxLength(1_000);
        builder.Property(r => r.Matches).HasJsonConversion();
        builder.Property(r => r.Reason).HasMaxLength(ConflictRuling.ReasonMaxLength).IsRequired();
        builder.Property(r => r.RuledBy).HasMaxLength(256).IsRequired();
        builder.HasOne<TrustFundUser>().WithMany().HasForeignKey(r => r.ReviewerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.ReviewerId, r.OrganisationId }).IsUnique();
        builder.HasIndex(r => r.OrganisationId);
    }
}

internal sealed class CallReviewStampConfiguration : IEntityTypeConfiguration<Application.Reviews.CallReviewStamp>
{
    public void Configure(EntityTypeBuilder<Application.Reviews.CallReviewStamp> builder)
    {
        builder.ToTable("CallReviewStamps");
        builder.HasKey(s => s.CallId);
        builder.Property(s => s.CallId).ValueGeneratedNever();
        builder.HasOne<Call>().WithOne().HasForeignKey<Application.Reviews.CallReviewStamp>(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
