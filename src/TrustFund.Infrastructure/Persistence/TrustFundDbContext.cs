using System.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Documents;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Email;
using TrustFund.Infrastructure.Files;
using TrustFund.Infrastructure.Protection;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// The one database context: Identity, the fund's aggregates, the audit trail, the outbox and the
/// Data Protection key ring. Every save first hands the aggregates' domain events to their handlers,
/// then renews aggregate versions, records audit entries for aggregate changes and writes all audit
/// entries hash-chained in the same transaction (with the copies of a renamed organisation's name on
/// its applications).
/// </summary>
public class TrustFundDbContext
    : IdentityDbContext<TrustFundUser, TrustFundRole, Guid>, IDataProtectionKeyContext, ITrustFundDb
{
    // Handlers may raise further events; a chain longer than this is a loop.
    private const int MaximumEventRounds = 10;

    private readonly List<AuditEntry> _pendingAudit = [];
    private ICurrentActor? _actor;
    private TimeProvider _clock = TimeProvider.System;
    private IDomainEventDispatcher? _events;
    private bool _heldByScope;

    /// <summary>
    /// A context with the system clock, no actor, no key ring and no event handlers until
    /// <see cref="UseServices"/> gives it those of a unit of work. The app leases contexts from a pool
    /// (building one costs more than most of the queries it runs), so this is the only constructor.
    /// </summary>
    public TrustFundDbContext(DbContextOptions<TrustFundDbContext> options)
        : base(options)
    {
        BankColumn = new ProtectedBankColumn(null);
    }

    /// <summary>
    /// Gives the context the services of the unit of work it now serves (a request's scope, a tool),
    /// forgetting whatever a previous one left queued.
    /// </summary>
    /// <param name="dataProtection">
    /// The app's Data Protection (key ring in this database), which encrypts bank details; without it
    /// (design-time tools, data generators) organisations with bank details can be neither read nor written.
    /// </param>
    /// <param name="events">Handlers of domain events; without it (design-time tools, data generators) events are dropped.</param>
    public TrustFundDbContext UseServices(TimeProvider clock, ICurrentActor? actor = null, IDataProtectionProvider? dataProtection = null, IDomainEventDispatcher? events = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        _actor = actor;
        _events = events;
        _pendingAudit.Clear();
        BankColumn = new ProtectedBankColumn(dataProtection);
        return this;
    }

    // A pooled context goes back to the pool when disposed: it keeps nothing of the unit of work it
    // served, so one leased without UseServices (straight from the factory) acts as nobody, as a new one does.
    // A context a request scope holds (ScopedContextLease) goes back only when that scope ends: the scope
    // also disposes every service it handed out, and it hands this one out under two names (the context
    // and ITrustFundDb), so a second disposal could otherwise return it again after another unit of work
    // had leased it, and take it from under that one.
    public override void Dispose()
    {
        if (_heldByScope)
        {
            return;
        }

        Release();
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_heldByScope)
        {
            return;
        }

        Release();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>From now until <see cref="EndScope"/>, disposing the context does nothing.</summary>
    internal TrustFundDbContext HeldByScope()
    {
        _heldByScope = true;
        return this;
    }

    /// <summary>Lets disposal return the context to its pool again (the scope holding it is ending).</summary>
    internal TrustFundDbContext EndScope()
    {
        _heldByScope = false;
        return this;
    }

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<GrantApplication> Applications => Set<GrantApplication>();

    public DbSet<ClarificationQuestion> ClarificationQuestions => Set<ClarificationQuestion>();

    public DbSet<ApplicationVersion> ApplicationVersions => Set<ApplicationVersion>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<Screening> Screenings => Set<Screening>();

    public DbSet<ReviewerProfile> ReviewerProfiles => Set<ReviewerProfile>();

    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();

    public DbSet<ConflictRuling> ConflictRulings => Set<ConflictRuling>();

    public DbSet<Application.Reviews.CallReviewStamp> CallReviewStamps => Set<Application.Reviews.CallReviewStamp>();

    public DbSet<BoardSession> BoardSessions => Set<BoardSession>();

    public DbSet<Grant> Grants => Set<Grant>();

    public DbSet<SafeguardingConcern> SafeguardingConcerns => Set<SafeguardingConcern>();

    public DbSet<GranteeReport> GranteeReports => Set<GranteeReport>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The encrypted bank details column, read and written with this context's key ring.</summary>
    internal ProtectedBankColumn BankColumn { get; private set; }

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

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveAsync(acceptAllChangesOnSuccess, async: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        SaveAsync(acceptAllChangesOnSuccess, async: true, cancellationToken);

    /// <inheritdoc />
    public void ExpectVersion(AggregateRoot aggregate, Guid? version)
    {
        if (version is not { } expected || expected != aggregate.Version)
        {
            throw new StaleEditException(Entry(aggregate).Metadata.ClrType.Name, aggregate.Id);
        }
    }

    /// <inheritdoc />
    public Task<IDbContextTransaction> BeginTransactionAsync(IsolationLevel isolation = IsolationLevel.ReadCommitted, CancellationToken cancellationToken = default) =>
        Database.BeginTransactionAsync(isolation, cancellationToken);

    private void Release()
    {
        _clock = TimeProvider.System;
        _actor = null;
        _events = null;
        _pendingAudit.Clear();
        BankColumn = new ProtectedBankColumn(null);
    }

    /// <inheritdoc />
    public void Forget()
    {
        ChangeTracker.Clear();
        _pendingAudit.Clear();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(TrustFundDbContext).Assembly);
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        if (Database.IsSqlite())
        {
            builder.Entity<GrantApplication>().Property(a => a.AmountRequested).HasConversion<MinorUnitsConverter>();
            builder.Entity<LedgerEntry>().Property(e => e.SignedAmount).HasConversion<MinorUnitsConverter>();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored as UTC and read back as UTC, on every engine.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);

        // Money is its amount in US dollars; on SQLite whole cents, so sums and comparisons run in SQL.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<Money>().HaveConversion<MoneyMinorUnitsConverter>();
        }
        else
        {
            configurationBuilder.Properties<Money>().HaveConversion<MoneyConverter>().HavePrecision(18, 2);
        }
    }

    // The one save path, for both SaveChanges and SaveChangesAsync (the synchronous one serves Data
    // Protection's key ring, which raises no events and writes no audit): domain events are handled,
    // versions renewed and audit entries queued; entries are chained under the chain's lock and
    // written with the change and the organisation-name copies in one transaction.
    private async Task<int> SaveAsync(bool acceptAllChangesOnSuccess, bool async, CancellationToken cancellationToken)
    {
        await DispatchEventsAsync(cancellationToken);
        var renames = PrepareChanges();
        if (_pendingAudit.Count == 0)
        {
            return async
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
                : base.SaveChanges(acceptAllChangesOnSuccess);
        }

        var ownTransaction = Database.CurrentTransaction is not null ? null
            : async ? await Database.BeginTransactionAsync(cancellationToken)
            : Database.BeginTransaction();
        IReadOnlyList<AuditEntry> chained = [];
        try
        {
            if (async)
            {
                await AuditChainLock.AcquireAsync(this, cancellationToken);
            }
            else
            {
                AuditChainLock.Acquire(this);
            }

            var chainEnd = AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new ChainEnd(e.Sequence, e.Hash));
            var last = async ? await chainEnd.FirstOrDefaultAsync(cancellationToken) : chainEnd.FirstOrDefault();
            chained = ChainPendingAudit(last);
            var written = async
                ? await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken)
                : base.SaveChanges(acceptAllChangesOnSuccess: false);
            await OrganisationNameCopies.CopyAsync(this, renames, async, cancellationToken);
            if (ownTransaction is not null)
            {
                if (async)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }
                else
                {
                    ownTransaction.Commit();
                }
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

    private async Task DispatchEventsAsync(CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaximumEventRounds; round++)
        {
            var raised = ChangeTracker.Entries<AggregateRoot>().SelectMany(e => e.Entity.TakeEvents()).ToList();
            if (raised.Count == 0 || _events is null)
            {
                return;
            }

            foreach (var domainEvent in raised)
            {
                await _events.DispatchAsync(domainEvent, cancellationToken);
            }
        }

        throw new InvalidOperationException($"Domain event handlers kept raising new events for {MaximumEventRounds} rounds.");
    }

    /// <summary>Renews versions and queues audit entries; returns the organisations renamed (their audit entry is queued too).</summary>
    private IReadOnlyList<OrganisationRename> PrepareChanges()
    {
        ChangeTracker.DetectChanges();
        BankColumn.Seal(ChangeTracker);
        var renames = OrganisationNameCopies.Find(ChangeTracker);
        foreach (var rename in renames)
        {
            AddAudit(AuditActions.OrganisationRenamed, $"Legal name changed from \"{rename.OldName}\" to \"{rename.NewName}\", on the organisation and its drafts", nameof(Organisation), rename.OrganisationId.ToString());
        }

        foreach (var entry in ChangeTracker.Entries<AggregateRoot>().ToList())
        {
            // A change to a part of an aggregate (an instalment, a ledger entry, a decision, a submitted
            // version) is a change of the aggregate: its version is renewed, so of two saves of one
            // aggregate only the first succeeds, even when they touch different parts.
            if (entry.State == EntityState.Unchanged && ChangedParts(entry) is { Count: > 0 } parts)
            {
                entry.Entity.RenewVersion();
                AddAudit(AuditActions.EntityChanged, $"{entry.Metadata.ClrType.Name} changed: {string.Join(", ", parts)}", entry.Metadata.ClrType.Name, entry.Entity.Id.ToString());
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added when entry.Entity is Call call:
                    Set<ReferenceSequence>().Add(new ReferenceSequence(call.Id, 0));
                    AddAudit(AuditActions.EntityCreated, $"{nameof(Call)} created", nameof(Call), call.Id.ToString());
                    break;
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

    /// <summary>The aggregate's collections of parts holding a part added or changed since it was loaded.</summary>
    private List<string> ChangedParts(EntityEntry<AggregateRoot> entry) =>
        [.. entry.Collections
            .Where(c => c.CurrentValue is { } parts && parts.Cast<object>().Any(part => Entry(part).State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
            .Select(c => c.Metadata.Name)];

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
