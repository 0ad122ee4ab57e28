using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Calls;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> builder)
    {
        builder.ToTable("Calls");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(c => c.Code).HasMaxLength(Call.CodeMaxLength).IsRequired();
        builder.Property(c => c.Title).HasMaxLength(Call.TitleMaxLength).IsRequired();
        builder.Property(c => c.Terms).HasJsonConversion().IsRequired();
        builder.Property(c => c.Amendments).HasJsonConversion().IsRequired();
        builder.HasIndex(c => c.Code).IsUnique();
        builder.HasIndex(c => new { c.Status, c.ClosesAtUtc });
    }
}
