using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Application.Accounts;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Identity.Sessions;

namespace TrustFund.Infrastructure.Persistence.Configurations;

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> builder)
    {
        builder.ToTable("SignInSessions");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.KeyHash).HasMaxLength(32).IsRequired();
        builder.Property(s => s.Device).HasMaxLength(SignInSession.DeviceMaxLength).IsRequired();
        builder.Property(s => s.ClientAddress).HasMaxLength(SignInSession.ClientAddressMaxLength);
        builder.Property(s => s.Ticket).IsRequired();
        builder.HasIndex(s => s.KeyHash).IsUnique();
        builder.HasIndex(s => s.UserId);
        builder.HasIndex(s => s.ExpiresAtUtc);
        builder.HasOne<TrustFundUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
