using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Calls;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class ReferenceSequenceConfiguration : IEntityTypeConfiguration<ReferenceSequence>
{
    public void Configure(EntityTypeBuilder<ReferenceSequence> builder)
    {
        builder.ToTable("ReferenceSequences");
        builder.HasKey(s => s.CallId);
        builder.Property(s => s.CallId).ValueGeneratedNever();
        builder.HasOne<Call>().WithOne().HasForeignKey<ReferenceSequence>(s => s.CallId).OnDelete(DeleteBehavior.Cascade);
    }
}
