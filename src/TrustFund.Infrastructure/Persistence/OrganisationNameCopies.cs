using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using TrustFund.Domain.Organisations;

namespace TrustFund.Infrastructure.Persistence;

/// <summary>
/// Keeps each application's copy of its organisation's legal name (which the managers' list sorts and
/// searches through an index) equal to the name: a save that renames an organisation rewrites the copy
/// on all its applications in one statement, in the same transaction. The copy is read data, not a change
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

    public static void Copy(TrustFundDbContext db, IReadOnlyList<OrganisationRename> renames)
    {
        foreach (var rename in renames)
        {
            db.Applications.Where(a => a.OrganisationId == rename.OrganisationId)
                .ExecuteUpdate(s => s.SetProperty(a => a.OrganisationName, rename.NewName));
        }
    }

    public static async Task CopyAsync(TrustFundDbContext db, IReadOnlyList<OrganisationRename> renames, CancellationToken cancellationToken)
    {
        foreach (var rename in renames)
        {
            await db.Applications.Where(a => a.OrganisationId == rename.OrganisationId)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.OrganisationName, rename.NewName), cancellationToken);
        }
    }
}
