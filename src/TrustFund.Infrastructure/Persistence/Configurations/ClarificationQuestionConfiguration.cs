using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class ClarificationQuestionConfiguration : IEntityTypeConfiguration<ClarificationQuestion>
{
    public void Configure(EntityTypeBuilder<ClarificationQuestion> builder)
    {
        builder.ToTable("ClarificationQuestions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Id).ValueGeneratedNever();
        builder.Property(q => q.Version).IsConcurrencyToken();
        builder.Property(q => q.AskedBy).HasMaxLength(256).IsRequired();
        builder.Property(q => q.Question).HasMaxLength(ClarificationQuestion.TextMaxLength).IsRequired();
        builder.Property(q => q.Answer).HasMaxLength(ClarificationQuestion.TextMaxLength);
        builder.Property(q => q.AnsweredBy).HasMaxLength(256);
        builder.Property(q => q.EarlierAnswers).HasJsonConversion().IsRequired();
        builder.Ignore(q => q.IsPublished);
        builder.HasOne<Call>().WithMany().HasForeignKey(q => q.CallId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => new { q.CallId, q.PublishedAtUtc });
        builder.HasIndex(q => new { q.OrganisationId, q.CallId });
    }
}
