using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>Why a reviewer may not (yet) review an organisation's applications, with the officers matched for a probable conflict (empty otherwise).</summary>
public sealed record ExclusionReason(Exclusion Kind, IReadOnlyList<OfficerMatch> Matches)
{
    /// <summary>An exclusion that names no officer match.</summary>
    public ExclusionReason(Exclusion kind)
        : this(kind, [])
    {
    }
}

/// <summary>
/// Who may not review whose applications: members of the organisation; reviewers with a pinned
/// conflict, or who declared a conflict on any of its applications; reviewers who match one of its
/// board members or senior officers and whose match nobody has dismissed yet. A handful of queries
/// for any number of organisations and reviewers: the officer lists are matched in memory through
/// name and email keys, so 2,000 organisations and 60 reviewers cost no more than reading them.
/// </summary>
internal static class ReviewerExclusions
{
    public static async Task<Dictionary<(Guid ReviewerId, Guid OrganisationId), ExclusionReason>> FindAsync(
        ITrustFundDb db,
        IReadOnlyCollection<Guid> organisationIds,
        IReadOnlyList<PoolReviewer> reviewers,
        CancellationToken cancellationToken)
    {
        var found = new Dictionary<(Guid, Guid), ExclusionReason>();
        if (organisationIds.Count == 0 || reviewers.Count == 0)
        {
            return found;
        }

        var organisations = organisationIds.ToHashSet();
        var reviewerIds = reviewers.Select(r => r.Id).ToList();
        var rulings = await db.ConflictRulings.AsNoTracking()
            .Where(r => organisationIds.Contains(r.OrganisationId) && reviewerIds.Contains(r.ReviewerId))
            .Select(r => new { r.ReviewerId, r.OrganisationId, r.Kind })
            .ToListAsync(cancellationToken);
        var recusals = await db.ReviewAssignments.AsNoTracking()
            .Where(a => a.Status == AssignmentStatus.Recused && organisationIds.Contains(a.OrganisationId) && reviewerIds.Contains(a.ReviewerId))
            .Select(a => new { a.ReviewerId, a.OrganisationId })
            .Distinct()
            .ToListAsync(cancellationToken);
        var profiles = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Profile })
            .ToListAsync(cancellationToken);

        foreach (var reviewer in reviewers)
        {
            if (reviewer.OrganisationId is { } own && organisations.Contains(own))
            {
                found[(reviewer.Id, own)] = new ExclusionReason(Exclusion.Member);
            }
        }

        foreach (var ruling in rulings.Where(r => r.Kind == ConflictRulingKind.Pinned))
        {
            found.TryAdd((ruling.ReviewerId, ruling.OrganisationId), new ExclusionReason(Exclusion.Conflict));
        }

        foreach (var recusal in recusals)
        {
            found.TryAdd((recusal.ReviewerId, recusal.OrganisationId), new ExclusionReason(Exclusion.Conflict));
        }

        var dismissed = rulings.Where(r => r.Kind == ConflictRulingKind.Dismissed).Select(r => (r.ReviewerId, r.OrganisationId)).ToHashSet();
        var byName = reviewers.Where(r => PersonMatching.NameKey(r.Name).Length > 0).ToLookup(r => PersonMatching.NameKey(r.Name), StringComparer.Ordinal);
        var byEmail = reviewers.Where(r => r.Email.Length > 0).ToLookup(r => r.Email.Trim(), StringComparer.OrdinalIgnoreCase);
        foreach (var organisation in profiles)
        {
            var officers = organisation.Profile.Officers;
            if (officers.Count == 0)
            {
                continue;
            }

            var candidates = new HashSet<PoolReviewer>();
            foreach (var officer in officers)
            {
                candidates.UnionWith(byName[PersonMatching.NameKey(officer.Name)]);
                if (!string.IsNullOrWhiteSpace(officer.Email))
                {
                    candidates.UnionWith(byEmail[officer.Email.Trim()]);
                }
            }

            foreach (var reviewer in candidates)
            {
                var key = (reviewer.Id, organisation.Id);
                if (found.ContainsKey(key) || dismissed.Contains(key))
                {
                    continue;
                }

                var matches = PersonMatching.Matches(reviewer.Name, reviewer.Email, officers);
                if (matches.Count > 0)
                {
                    found[key] = new ExclusionReason(Exclusion.ProbableConflict, matches);
                }
            }
        }

        return found;
    }

    /// <summary>The officer matches of one reviewer with one organisation (empty when none).</summary>
    public static IReadOnlyList<OfficerMatch> MatchesOf(PoolReviewer reviewer, OrganisationProfile profile) =>
        PersonMatching.Matches(reviewer.Name, reviewer.Email, profile.Officers);

    /// <summary>The planner's view of the exclusions.</summary>
    public static Dictionary<(Guid ReviewerId, Guid OrganisationId), Exclusion> ForPlanner(Dictionary<(Guid ReviewerId, Guid OrganisationId), ExclusionReason> exclusions) =>
        exclusions.ToDictionary(e => e.Key, e => e.Value.Kind);
}
