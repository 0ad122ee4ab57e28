using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Infrastructure.Files;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> builder)
    {
        builder.ToTable("StoredFiles");
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).ValueGeneratedNever();
        builder.Property(f => f.Content).IsRequired();
    }
}
