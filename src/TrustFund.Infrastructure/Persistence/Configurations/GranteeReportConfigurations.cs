using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Infrastructure.Persistence.Configurations;

/// <summary>A grantee report with its submitted versions (loaded with it); a new version renews the report's version.</summary>
internal sealed class GranteeReportConfiguration : IEntityTypeConfiguration<GranteeReport>
{
    public void Configure(EntityTypeBuilder<GranteeReport> builder)
    {
        builder.ToTable("GranteeReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(r => r.RevisionComment).HasMaxLength(GranteeReport.CommentMaxLength);
        builder.Property(r => r.AcceptedBy).HasMaxLength(256);
        builder.Property(r => r.Draft).HasJsonConversion();
        builder.Property(r => r.DraftSavedBy).HasMaxLength(256);
        builder.Ignore(r => r.LatestSubmission);
        builder.Ignore(r => r.IsAccepted);
        builder.HasMany(r => r.Submissions).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Submissions).HasField("_submissions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasOne<Grant>().WithMany().HasForeignKey(r => r.GrantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.GrantId, r.Kind, r.Sequence }).IsUnique();

        // Overdue flags and reminders: reports due (or sent back) by their dates.
        builder.HasIndex(r => new { r.Status, r.DueOn });
    }
}

internal sealed class ReportSubmissionConfiguration : IEntityTypeConfiguration<ReportSubmission>
{
    public void Configure(EntityTypeBuilder<ReportSubmission> builder)
    {
        builder.ToTable("ReportSubmissions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Content).HasJsonConversion().IsRequired();
        builder.Property(s => s.FlaggedPersonalData).HasJsonConversion().IsRequired();
        builder.Property(s => s.SubmittedBy).HasMaxLength(256).IsRequired();
        builder.Property(s => s.ReviewOutcome).HasConversion<string>().HasMaxLength(40);
        builder.Property(s => s.ReviewComment).HasMaxLength(GranteeReport.CommentMaxLength);
        builder.Property(s => s.ReviewedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.ReportId, s.Number }).IsUnique();
    }
}
