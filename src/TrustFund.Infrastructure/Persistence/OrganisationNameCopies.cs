using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Keeps each draft's copy of its organisation's legal name (which the managers' list sorts and
/// searches through an index) equal to the name: a save that renames an organisation rewrites the copy
/// on all its drafts in one statement, in the same transaction. A submitted application keeps the name
/// it was submitted under (its version records it too) until it is submitted again. The copy is read data, not a change
/// to the applications, so it renews no application version (nobody editing one gets a false conflict)
/// and adds no audit entry per application: the rename is audited once, on the organisation.
/// </summary>
internal static class OrganisationNameCopies
{
    /// <summary>The organisations whose legal name this save changes.</summary>
    public static IReadOnlyList<OrganisationRename> Find(ChangeTracker tracker) =>
        tracker.Entries<Organisation>()
            .Where(e => e.State == EntityState.Modified)
            .Select(e => (e.Entity.Id, Name: e.Property(o => o.LegalName)))
            .Where(x => x.Name.IsModified && !string.Equals(x.Name.OriginalValue, x.Name.CurrentValue, StringComparison.Ordinal))
            .Select(x => new OrganisationRename(x.Id, x.Name.OriginalValue, x.Name.CurrentValue))
            .ToList();

    /// <summary>Rewrites the copies on the renamed organisations' applications (synchronously when <paramref name="async"/> is false).</summary>
    public static async Task CopyAsync(TrustFundDbContext db, IReadOnlyList<OrganisationRename> renames, bool async, CancellationToken cancellationToken)
    {
        foreach (var rename in renames)
        {
            var applications = db.Applications.Where(a => a.OrganisationId == rename.OrganisationId && a.Status == ApplicationStatus.Draft);
            if (async)
            {
                await applications.ExecuteUpdateAsync(s => s.SetProperty(a => a.OrganisationName, rename.NewName), cancellationToken);
            }
            else
            {
                applications.ExecuteUpdate(s => s.SetProperty(a => a.OrganisationName, rename.NewName));
            }
        }
    }
}
