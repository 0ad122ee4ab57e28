using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Files;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// The one database context: Identity, the fund's aggregates, the audit trail, the outbox and the
/// Data Protection key ring. Every save renews aggregate versions, records audit entries for
/// aggregate changes and writes all audit entries hash-chained in the same transaction (with the copies
/// of a renamed organisation's name on its applications).
/// </summary>
public class TrustFundDbContext
    : IdentityDbContext<TrustFundUser, TrustFundRole, Guid>, IDataProtectionKeyContext
{
    private readonly List<AuditEntry> _pendingAudit = [];
    private readonly ICurrentActor? _actor;
    private readonly TimeProvider _clock;

    /// <param name="dataProtection">
    /// The app's Data Protection (key ring in this database), which encrypts bank details; without it
    /// (design-time tools, data generators) organisations with bank details can be neither read nor written.
    /// </param>
    public TrustFundDbContext(DbContextOptions<TrustFundDbContext> options, TimeProvider clock, ICurrentActor? actor = null, IDataProtectionProvider? dataProtection = null)
        : base(options)
    {
        _clock = clock;
        _actor = actor;
        BankColumn = new ProtectedBankColumn(dataProtection);
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<GrantApplication> Applications => Set<GrantApplication>();

    public DbSet<ClarificationQuestion> ClarificationQuestions => Set<ClarificationQuestion>();

    public DbSet<ApplicationVersion> ApplicationVersions => Set<ApplicationVersion>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The encrypted bank details column, read and written with this context's key ring.</summary>
    internal ProtectedBankColumn BankColumn { get; }

    /// <summary>The engine behind this context.</summary>
    public DatabaseProvider Provider => DatabaseProviders.FromEfProviderName(Database.ProviderName);

    /// <summary>Queues an audit entry for the next save; the actor and time are those of the current request.</summary>
    public void AddAudit(string action, string summary, string? entityType, string? entityId)
    {
        _pendingAudit.Add(AuditEntry.Create(
            _clock.GetUtcNow().UtcDateTime,
            _actor?.UserId,
            _actor?.Name ?? "system",
            _actor?.IpAddress,
            action,
            entityType,
            entityId,
            summary));
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var renames = PrepareChanges();
        if (_pendingAudit.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var ownTransaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        IReadOnlyList<AuditEntry> chained = [];
        try
        {
            AuditChainLock.Acquire(this);
            var last = AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new ChainEnd(e.Sequence, e.Hash)).FirstOrDefault();
            chained = ChainPendingAudit(last);
            var written = base.SaveChanges(acceptAllChangesOnSuccess: false);
            OrganisationNameCopies.Copy(this, renames);
            ownTransaction?.Commit();
            AcceptChangesIf(acceptAllChangesOnSuccess);
            return written;
        }
        catch
        {
            ForgetAudit(chained);
            throw;
        }
        finally
        {
            ownTransaction?.Dispose();
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var renames = PrepareChanges();
        if (_pendingAudit.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        IReadOnlyList<AuditEntry> chained = [];
        try
        {
            await AuditChainLock.AcquireAsync(this, cancellationToken);
            var last = await AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new ChainEnd(e.Sequence, e.Hash)).FirstOrDefaultAsync(cancellationToken);
            chained = ChainPendingAudit(last);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await OrganisationNameCopies.CopyAsync(this, renames, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            AcceptChangesIf(acceptAllChangesOnSuccess);
            return written;
        }
        catch
        {
            ForgetAudit(chained);
            throw;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        optionsBuilder.AddInterceptors(BankDetailsMaterializer.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrustFundDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        if (Database.IsSqlite())
        {
            builder.Entity<GrantApplication>().Property(a => a.AmountRequested).HasConversion<MinorUnitsConverter>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC, on every engine.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
    }

    /// <summary>Renews versions and queues audit entries; returns the organisations renamed (their audit entry is queued too).</summary>
    private IReadOnlyList<OrganisationRename> PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        BankColumn.Seal(ChangeTracker);
        var renames = OrganisationNameCopies.Find(ChangeTracker);
        foreach (var rename in renames)
        {
            AddAudit(AuditActions.OrganisationRenamed, $"Legal name changed from \"{rename.OldName}\" to \"{rename.NewName}\", on the organisation and its applications", nameof(Organisation), rename.OrganisationId.ToString());
        }

        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddAudit(AuditActions.EntityCreated, $"{entry.Metadata.ClrType.Name} created", entry.Metadata.ClrType.Name, entry.Entity.Id.ToString());
                    break;
                case EntityState.Modified:
                    entry.Entity.RenewVersion();
                    AddAudit(AuditActions.EntityChanged, DescribeChange(entry), entry.Metadata.ClrType.Name, entry.Entity.Id.ToString());
                    break;
                case EntityState.Deleted:
                    AddAudit(AuditActions.EntityDeleted, $"{entry.Metadata.ClrType.Name} deleted", entry.Metadata.ClrType.Name, entry.Entity.Id.ToString());
                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                    break;
            }
        }

        return renames;
    }

    private static string DescribeChange(EntityEntry<AggregateRoot> entry)
    {
        var changed = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(AggregateRoot.Version))
            .Select(p => p.Metadata.Name == "Status"
                ? $"Status {p.OriginalValue} -> {p.CurrentValue}"
                : p.Metadata.Name)
            .ToList();
        return $"{entry.Metadata.ClrType.Name} changed: {string.Join(", ", changed)}";
    }

    private List<AuditEntry> ChainPendingAudit(ChainEnd? last)
    {
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var chained = new List<AuditEntry>(_pendingAudit);
        foreach (var entry in chained)
        {
            entry.Chain(++sequence, previous);
            previous = entry.Hash;
            AuditEntries.Add(entry);
        }

        _pendingAudit.Clear();
        return chained;
    }

    // Accepted only once the transaction has committed, so a failed commit leaves the changes pending.
    private void AcceptChangesIf(bool acceptAllChangesOnSuccess)
    {
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }
    }

    // The entries of a failed save recorded a change that did not happen: they are dropped, and their
    // sequence numbers (already taken in memory) must not block the next save on this context.
    private void ForgetAudit(IReadOnlyList<AuditEntry> chained)
    {
        foreach (var entry in chained)
        {
            Entry(entry).State = EntityState.Detached;
        }

        _pendingAudit.Clear();
    }

    private sealed record ChainEnd(long Sequence, string Hash);
}
