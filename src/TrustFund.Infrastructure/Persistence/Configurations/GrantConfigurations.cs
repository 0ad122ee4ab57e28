using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence.Configurations;

/// <summary>
/// The grant aggregate: the grant's row, and its instalments, ledger entries and amendments in tables of
/// their own, loaded with it (every rule on money reads the whole schedule and ledger). A change to any
/// of them renews the grant's version, so two saves of one grant never both succeed.
/// </summary>
internal sealed class GrantConfiguration : IEntityTypeConfiguration<Grant>
{
    public void Configure(EntityTypeBuilder<Grant> builder)
    {
        builder.ToTable("Grants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.Property(g => g.Number).HasMaxLength(Grant.NumberMaxLength).IsRequired();
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(g => g.Budget).HasJsonConversion().IsRequired();
        builder.Property(g => g.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Property(g => g.FundSignatureRecordedBy).HasMaxLength(256);
        builder.Property(g => g.OrganisationSignatureRecordedBy).HasMaxLength(256);
        builder.Property(g => g.SuspensionReason).HasMaxLength(Grant.TextMaxLength);
        builder.Property(g => g.ClosedBy).HasMaxLength(256);
        builder.Property(g => g.BankDetailsVerifiedBy).HasMaxLength(256);
        builder.Ignore(g => g.PendingAmendments);
        builder.Ignore(g => g.IsAgreementSigned);
        builder.Ignore(g => g.NetPaid);
        builder.Ignore(g => g.Balance);
        builder.Ignore(g => g.Refunded);
        builder.Ignore(g => g.WrittenOff);
        builder.Ignore(g => g.BudgetTotal);

        builder.HasMany(g => g.Instalments).WithOne().HasForeignKey(i => i.GrantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Instalments).HasField("_instalments").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(g => g.Ledger).WithOne().HasForeignKey(e => e.GrantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Ledger).HasField("_ledger").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
        builder.HasMany(g => g.Amendments).WithOne().HasForeignKey(a => a.GrantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(g => g.Amendments).HasField("_amendments").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();

        builder.HasOne<GrantApplication>().WithOne().HasForeignKey<Grant>(g => g.ApplicationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Call>().WithMany().HasForeignKey(g => g.CallId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => g.Number).IsUnique();
        builder.HasIndex(g => g.ApplicationId).IsUnique();

        // An organisation's grants; the fund managers' list by status, call, or neither, in number order.
        builder.HasIndex(g => new { g.OrganisationId, g.Status });
        builder.HasIndex(g => new { g.CallId, g.Status });
        builder.HasIndex(g => new { g.Status, g.Number });
    }
}

internal sealed class InstalmentConfiguration : IEntityTypeConfiguration<Instalment>
{
    public void Configure(EntityTypeBuilder<Instalment> builder)
    {
        builder.ToTable("Instalments");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Percentage).HasPrecision(5, 2);
        builder.Property(i => i.Conditions).HasJsonConversion().IsRequired();
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.HeldFrom).HasConversion<string>().HasMaxLength(40);
        builder.Property(i => i.HoldReason).HasMaxLength(Grant.TextMaxLength);
        builder.Property(i => i.RequestedBy).HasMaxLength(256);
        builder.Property(i => i.Overrides).HasJsonConversion().IsRequired();
        builder.Property(i => i.ApprovedBy).HasMaxLength(256);
        builder.Property(i => i.CancellationReason).HasMaxLength(Grant.TextMaxLength);
        builder.Property(i => i.CancelledBy).HasMaxLength(256);
        builder.Ignore(i => i.HasOverriddenConditions);
        builder.Ignore(i => i.IsSettled);
        builder.HasIndex(i => new { i.GrantId, i.Number }).IsUnique();

        // The finance officers' queue: releases to approve, payments to record, instalments on hold.
        builder.HasIndex(i => new { i.Status, i.PlannedOn });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("LedgerEntries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Reference).HasMaxLength(LedgerEntry.ReferenceMaxLength);
        builder.Property(e => e.By).HasMaxLength(256).IsRequired();

        // Write-offs and corrections carry a reason of up to the grant's text length.
        builder.Property(e => e.Note).HasMaxLength(Grant.TextMaxLength).IsRequired();
        builder.HasOne<Instalment>().WithMany().HasForeignKey(e => e.InstalmentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<LedgerEntry>().WithMany().HasForeignKey(e => e.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.GrantId, e.Reference }).IsUnique();
        builder.HasIndex(e => new { e.Kind, e.ValueDate });
    }
}

internal sealed class GrantAmendmentConfiguration : IEntityTypeConfiguration<GrantAmendment>
{
    public void Configure(EntityTypeBuilder<GrantAmendment> builder)
    {
        builder.ToTable("GrantAmendments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Reason).HasMaxLength(Grant.TextMaxLength).IsRequired();
        builder.Property(a => a.RequestedBy).HasMaxLength(256).IsRequired();
        builder.Property(a => a.RequestedBySide).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.PreviousBudget).HasJsonConversion().IsRequired();
        builder.Property(a => a.NewBudget).HasJsonConversion().IsRequired();
        builder.Property(a => a.DecidedBy).HasMaxLength(256);
        builder.Property(a => a.DecisionNote).HasMaxLength(Grant.TextMaxLength);
        builder.HasIndex(a => new { a.GrantId, a.Number }).IsUnique();
        builder.HasIndex(a => a.Status);
    }
}

internal sealed class SafeguardingConcernConfiguration : IEntityTypeConfiguration<SafeguardingConcern>
{
    public void Configure(EntityTypeBuilder<SafeguardingConcern> builder)
    {
        builder.ToTable("SafeguardingConcerns");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Property(c => c.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Note).HasMaxLength(SafeguardingConcern.NoteMaxLength).IsRequired();
        builder.Property(c => c.OpenedBy).HasMaxLength(256).IsRequired();
        builder.Property(c => c.Outcome).HasMaxLength(SafeguardingConcern.OutcomeMaxLength);
        builder.Property(c => c.ClosedBy).HasMaxLength(256);
        builder.Ignore(c => c.IsOpen);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.OrganisationId, c.Status });
    }
}

internal sealed class GrantNumberSequenceConfiguration : IEntityTypeConfiguration<GrantNumberSequence>
{
    public void Configure(EntityTypeBuilder<GrantNumberSequence> builder)
    {
        builder.ToTable("GrantNumberSequences");
        builder.HasKey(s => s.Year);
        builder.Property(s => s.Year).ValueGeneratedNever();
    }
}
