using System.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using TrustFund.Application.Accounts;
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

namespace TrustFund.Application.Common;

/// <summary>
/// The database as use cases and readers see it: the fund's aggregates, the users, the audit trail,
/// and one unit of work. Saving dispatches the aggregates' domain events, renews versions and writes
/// the audit entries in the same transaction.
/// </summary>
public interface ITrustFundDb
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Call> Calls { get; }

    DbSet<GrantApplication> Applications { get; }

    DbSet<ApplicationVersion> ApplicationVersions { get; }

    DbSet<ClarificationQuestion> ClarificationQuestions { get; }

    DbSet<Attachment> Attachments { get; }

    DbSet<Screening> Screenings { get; }

    DbSet<ReviewerProfile> ReviewerProfiles { get; }

    DbSet<ReviewAssignment> ReviewAssignments { get; }

    DbSet<ConflictRuling> ConflictRulings { get; }

    DbSet<Reviews.CallReviewStamp> CallReviewStamps { get; }

    /// <summary>Board sessions, each loaded with its decisions.</summary>
    DbSet<BoardSession> BoardSessions { get; }

    /// <summary>Grants, each loaded with its instalments, ledger and amendments (project a query to read less).</summary>
    DbSet<Grant> Grants { get; }

    DbSet<SafeguardingConcern> SafeguardingConcerns { get; }

    /// <summary>Grantee reports, each loaded with its submitted versions.</summary>
    DbSet<GranteeReport> GranteeReports { get; }

    DbSet<AuditEntry> AuditEntries { get; }

    DbSet<TrustFundUser> Users { get; }

    DbSet<TrustFundRole> Roles { get; }

    DbSet<IdentityUserRole<Guid>> UserRoles { get; }

    /// <summary>Saves the unit of work (see the interface's summary).</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Declares the version the person saw: refuses at once (<see cref="StaleEditException"/>) when the
    /// aggregate has moved on since, and makes the save refuse it if it moves on before the save.
    /// A null version (a form that carried none) is refused as stale.
    /// </summary>
    void ExpectVersion(AggregateRoot aggregate, Guid? version);

    /// <summary>Starts a transaction that later saves join; dispose it without committing to roll back.</summary>
    Task<IDbContextTransaction> BeginTransactionAsync(IsolationLevel isolation = IsolationLevel.ReadCommitted, CancellationToken cancellationToken = default);

    /// <summary>Forgets every loaded and pending change (after a refusal, before reading the page again).</summary>
    void Forget();
}
