using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Reviews;

/// <summary>An application to staff: how many more reviewers it needs and who may never review it.</summary>
public sealed record PlannedApplication(Guid ApplicationId, Guid OrganisationId, string Label, ProposalLanguage? Language, int Needed, IReadOnlySet<Guid> AlreadyAssigned);

/// <summary>A reviewer available to the plan, with their open assignments (load) before it.</summary>
public sealed record PlannedReviewer(Guid ReviewerId, string Name, IReadOnlyList<ProposalLanguage> Languages, int MaximumLoad, int CurrentLoad);

/// <summary>Why a reviewer may not review an organisation's applications.</summary>
public enum Exclusion
{
    /// <summary>A member of the applicant organisation.</summary>
    Member,

    /// <summary>A conflict pinned by a fund manager or declared on one of its applications.</summary>
    Conflict,

    /// <summary>Matches a board member or senior officer and nobody has ruled on it yet.</summary>
    ProbableConflict,
}

/// <summary>A proposed assignment.</summary>
public sealed record PlannedAssignment(Guid ApplicationId, Guid ReviewerId);

/// <summary>An application the plan could not fully staff, with why: what kept each other reviewer of the pool out.</summary>
public sealed record Shortfall(Guid ApplicationId, string Label, int Needed, int Found, ShortfallCauses Causes);

/// <summary>
/// Why an application could not be fully staffed: the size of the pool and, among the reviewers not
/// chosen, how many were already assigned (or recused), members of the organisation, in conflict with
/// it, in a probable conflict nobody has ruled on, unable to read its language, or at their maximum
/// load. Data, for the pages to put into words in the reader's language.
/// </summary>
public sealed record ShortfallCauses(
    int Pool,
    int AlreadyAssigned,
    int Members,
    int Conflicts,
    int ProbableConflicts,
    int OtherLanguage,
    ProposalLanguage? Language,
    int AtMaximumLoad)
{
    /// <summary>Whether any reviewer of the pool was kept out; when none was, the pool is simply too small.</summary>
    public bool AnyExcluded => AlreadyAssigned + Members + Conflicts + ProbableConflicts + OtherLanguage + AtMaximumLoad > 0;
}

/// <summary>The proposed assignments, the shortfalls, and each reviewer's load after the plan.</summary>
public sealed record AssignmentPlan(IReadOnlyList<PlannedAssignment> Assignments, IReadOnlyList<Shortfall> Shortfalls, IReadOnlyDictionary<Guid, int> LoadsAfter);

/// <summary>
/// Auto-assignment: gives each application the reviewers it still needs, all distinct, never one
/// excluded from the organisation (member, conflict, unruled probable conflict), never one already
/// assigned to it (or recused from it), only reviewers who read its language and are under their
/// maximum load. Applications with the fewest possible reviewers go first; each slot goes to the least
/// loaded eligible reviewer (ties by name, then identifier, so the plan is repeatable). With every
/// reviewer eligible everywhere and enough capacity, loads end at most one apart.
/// </summary>
public static class AssignmentPlanner
{
    public static AssignmentPlan Plan(
        IReadOnlyList<PlannedApplication> applications,
        IReadOnlyList<PlannedReviewer> reviewers,
        IReadOnlyDictionary<(Guid ReviewerId, Guid OrganisationId), Exclusion> exclusions)
    {
        var loads = reviewers.ToDictionary(r => r.ReviewerId, r => r.CurrentLoad);
        var ordered = reviewers.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.ReviewerId).ToArray();
        var position = ordered.Select((r, i) => (r.ReviewerId, i)).ToDictionary(x => x.ReviewerId, x => x.i);

        bool Possible(PlannedApplication application, PlannedReviewer reviewer) =>
            !application.AlreadyAssigned.Contains(reviewer.ReviewerId)
            && !exclusions.ContainsKey((reviewer.ReviewerId, application.OrganisationId))
            && (application.Language is null || reviewer.Languages.Contains(application.Language.Value));

        var queue = applications.Where(a => a.Needed > 0)
            .Select(a => (Application: a, Candidates: ordered.Count(r => Possible(a, r))))
            .OrderBy(x => x.Candidates).ThenBy(x => x.Application.Label, StringComparer.Ordinal).ThenBy(x => x.Application.ApplicationId)
            .Select(x => x.Application)
            .ToArray();

        var assignments = new List<PlannedAssignment>();
        var shortfalls = new List<Shortfall>();
        var chosen = new List<PlannedReviewer>();
        foreach (var application in queue)
        {
            chosen.Clear();
            for (var slot = 0; slot < application.Needed; slot++)
            {
                PlannedReviewer? best = null;
                foreach (var reviewer in ordered)
                {
                    if (loads[reviewer.ReviewerId] >= reviewer.MaximumLoad || chosen.Contains(reviewer) || !Possible(application, reviewer))
                    {
                        continue;
                    }

                    if (best is null || loads[reviewer.ReviewerId] < loads[best.ReviewerId]
                        || (loads[reviewer.ReviewerId] == loads[best.ReviewerId] && position[reviewer.ReviewerId] < position[best.ReviewerId]))
                    {
                        best = reviewer;
                    }
                }

                if (best is null)
                {
                    break;
                }

                chosen.Add(best);
                loads[best.ReviewerId]++;
                assignments.Add(new PlannedAssignment(application.ApplicationId, best.ReviewerId));
            }

            if (chosen.Count < application.Needed)
            {
                shortfalls.Add(new Shortfall(application.ApplicationId, application.Label, application.Needed, chosen.Count, Explain(application, ordered, loads, exclusions, chosen)));
            }
        }

        return new AssignmentPlan(assignments, shortfalls, loads);
    }

    private static ShortfallCauses Explain(
        PlannedApplication application,
        PlannedReviewer[] reviewers,
        Dictionary<Guid, int> loads,
        IReadOnlyDictionary<(Guid ReviewerId, Guid OrganisationId), Exclusion> exclusions,
        List<PlannedReviewer> chosen)
    {
        int member = 0, conflict = 0, probable = 0, language = 0, already = 0, full = 0;
        foreach (var reviewer in reviewers)
        {
            if (chosen.Contains(reviewer))
            {
                continue;
            }

            if (application.AlreadyAssigned.Contains(reviewer.ReviewerId))
            {
                already++;
            }
            else if (exclusions.TryGetValue((reviewer.ReviewerId, application.OrganisationId), out var exclusion))
            {
                _ = exclusion switch
                {
                    Exclusion.Member => member++,
                    Exclusion.Conflict => conflict++,
                    _ => probable++,
                };
            }
            else if (application.Language is { } l && !reviewer.Languages.Contains(l))
            {
                language++;
            }
            else if (loads[reviewer.ReviewerId] >= reviewer.MaximumLoad)
            {
                full++;
            }
        }

        return new ShortfallCauses(reviewers.Length, already, member, conflict, probable, language, application.Language, full);
    }
}
