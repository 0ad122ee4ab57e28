using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>An active reviewer as assignment sees them: account, profile (or the default one) and open load.</summary>
public sealed record PoolReviewer(
    Guid Id,
    string Name,
    string Email,
    Guid? OrganisationId,
    bool HasProfile,
    IReadOnlyList<ProposalLanguage> Languages,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ExploitationForm> Forms,
    int MaximumLoad,
    int OpenLoad,
    string? PreferredCulture = null)
{
    public PlannedReviewer ToPlanned() => new(Id, Name, Languages, MaximumLoad, OpenLoad);
}

/// <summary>
/// The reviewers assignment may choose from: active accounts holding the Reviewer role, each with
/// their profile and their open assignments (pending or draft, across all calls). Three queries
/// whatever the number of reviewers.
/// </summary>
internal static class ReviewerPool
{
    /// <summary>
    /// What a reviewer without a profile is taken to read: the Secretariat's working languages. A
    /// fund manager records the reviewer's real languages in their profile.
    /// </summary>
    public static readonly IReadOnlyList<ProposalLanguage> DefaultLanguages = [ProposalLanguage.English, ProposalLanguage.French];

    public static async Task<List<PoolReviewer>> ActiveAsync(ITrustFundDb db, CancellationToken cancellationToken, Guid? only = null)
    {
        var holders = from userRole in db.UserRoles
                      join role in db.Roles on userRole.RoleId equals role.Id
                      where role.Name == Roles.Reviewer
                      select userRole.UserId;
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && holders.Contains(u.Id) && (only == null || u.Id == only))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.OrganisationId, u.PreferredCulture })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var profiles = await db.ReviewerProfiles.AsNoTracking()
            .Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var loads = await OpenLoadsAsync(db, ids, cancellationToken);
        return [.. users
            .Select(u =>
            {
                var profile = profiles.GetValueOrDefault(u.Id);
                var name = string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? string.Empty : u.DisplayName;
                return new PoolReviewer(
                    u.Id,
                    name,
                    u.Email ?? string.Empty,
                    u.OrganisationId,
                    profile is not null,
                    profile is { Languages.Count: > 0 } ? profile.Languages : DefaultLanguages,
                    profile?.Regions ?? [],
                    profile?.Forms ?? [],
                    profile?.MaximumLoad ?? ReviewerProfile.DefaultMaximumLoad,
                    loads.GetValueOrDefault(u.Id),
                    u.PreferredCulture);
            })
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ThenBy(r => r.Id)];
    }

    /// <summary>How many open assignments (pending or draft) each reviewer has, across every call.</summary>
    public static async Task<Dictionary<Guid, int>> OpenLoadsAsync(ITrustFundDb db, IReadOnlyCollection<Guid> reviewerIds, CancellationToken cancellationToken)
    {
        var counts = await db.ReviewAssignments.AsNoTracking()
            .Where(a => reviewerIds.Contains(a.ReviewerId) && (a.Status == AssignmentStatus.Pending || a.Status == AssignmentStatus.Draft))
            .GroupBy(a => a.ReviewerId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return counts.ToDictionary(c => c.Key, c => c.Count);
    }
}
