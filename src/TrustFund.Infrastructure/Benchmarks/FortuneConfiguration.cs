using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TrustFund.Infrastructure.Benchmarks;

internal sealed class FortuneConfiguration : IEntityTypeConfiguration<Fortune>
{
    public void Configure(EntityTypeBuilder<Fortune> builder)
    {
        builder.ToTable("BenchmarkFortunes");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Message).HasMaxLength(2048).IsRequired();
    }
}
