using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Decisions;

namespace TrustFund.Infrastructure.Persistence.Configurations;

/// <summary>A Board session with its decisions (loaded with it); a new decision renews the session's version.</summary>
internal sealed class BoardSessionConfiguration : IEntityTypeConfiguration<BoardSession>
{
    public void Configure(EntityTypeBuilder<BoardSession> builder)
    {
        builder.ToTable("BoardSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Version).IsConcurrencyToken();
        builder.Property(s => s.Number).HasMaxLength(BoardSession.NumberMaxLength).IsRequired();
        builder.Property(s => s.RecordedBy).HasMaxLength(256).IsRequired();
        builder.HasMany(s => s.Decisions).WithOne().HasForeignKey(d => d.SessionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasOne<Call>().WithMany().HasForeignKey(s => s.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.CallId, s.Number }).IsUnique();
        builder.HasIndex(s => new { s.CallId, s.HeldOn });
    }
}

internal sealed class BoardDecisionConfiguration : IEntityTypeConfiguration<BoardDecision>
{
    public void Configure(EntityTypeBuilder<BoardDecision> builder)
    {
        builder.ToTable("BoardDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.ApplicationLabel).HasMaxLength(GrantApplication.TitleMaxLength).IsRequired();
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Conditions).HasMaxLength(DecisionPolicy.TextMaxLength);
        builder.Property(d => d.Justification).HasMaxLength(DecisionPolicy.TextMaxLength);
        builder.Property(d => d.PassedOver).HasJsonConversion().IsRequired();
        builder.Property(d => d.StandingBefore).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Feedback).HasMaxLength(DecisionPolicy.TextMaxLength);
        builder.Property(d => d.FeedbackReleasedBy).HasMaxLength(256);
        builder.Property(d => d.RecordedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(d => d.DepartsFromRanking);
        builder.Ignore(d => d.IsFeedbackReleased);
        builder.HasOne<GrantApplication>().WithMany().HasForeignKey(d => d.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(d => new { d.SessionId, d.ApplicationId }).IsUnique();
        builder.HasIndex(d => d.ApplicationId);
    }
}
