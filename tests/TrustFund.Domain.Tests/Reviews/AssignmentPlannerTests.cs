using FsCheck;
using FsCheck.Fluent;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;

namespace TrustFund.Domain.Tests.Reviews;

public class AssignmentPlannerTests
{
    private static readonly ProposalLanguage[] Languages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish, ProposalLanguage.Arabic];

    /// <summary>A random pool: reviewers reading random languages, random loads, random exclusions and earlier assignments.</summary>
    private sealed record Pool(
        IReadOnlyList<PlannedApplication> Applications,
        IReadOnlyList<PlannedReviewer> Reviewers,
        IReadOnlyDictionary<(Guid ReviewerId, Guid OrganisationId), Exclusion> Exclusions);

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property Reviewers_are_distinct_never_excluded_read_the_language_and_stay_under_their_load(PositiveInt seed) =>
        Prop.ToProperty(Holds(RandomPool(seed.Get, restricted: true)));

    [FsCheck.NUnit.Property(MaxTest = 200)]
    public Property With_an_unrestricted_pool_every_application_is_staffed_and_loads_end_at_most_one_apart(PositiveInt seed)
    {
        var random = new Random(seed.Get);
        var needed = random.Next(1, 4);
        var reviewers = Enumerable.Range(0, random.Next(needed, 15))
            .Select(i => new PlannedReviewer(Guid.NewGuid(), $"R{i:00}", Languages, 1_000, 0)).ToArray();
        var applications = Enumerable.Range(0, random.Next(0, 120))
            .Select(i => new PlannedApplication(Guid.NewGuid(), Guid.NewGuid(), $"A{i:000}", Languages[random.Next(Languages.Length)], needed, new HashSet<Guid>())).ToArray();

        var plan = AssignmentPlanner.Plan(applications, reviewers, new Dictionary<(Guid, Guid), Exclusion>());

        var loads = plan.LoadsAfter.Values.ToArray();
        return Prop.ToProperty(plan.Shortfalls.Count == 0
            && plan.Assignments.Count == applications.Length * needed
            && loads.Max() - loads.Min() <= 1);
    }

    [Test]
    public void Too_few_reviewers_give_a_partial_plan_with_the_reason()
    {
        var english = new PlannedReviewer(Guid.NewGuid(), "Ana", [ProposalLanguage.English, ProposalLanguage.Arabic], 10, 0);
        var frenchOnly = new PlannedReviewer(Guid.NewGuid(), "Bruno", [ProposalLanguage.French], 10, 0);
        var member = new PlannedReviewer(Guid.NewGuid(), "Chen", [ProposalLanguage.Arabic], 10, 0);
        var full = new PlannedReviewer(Guid.NewGuid(), "Dina", [ProposalLanguage.Arabic], 2, 2);
        var organisation = Guid.NewGuid();
        var application = new PlannedApplication(Guid.NewGuid(), organisation, "UNVTF-2026-ST-0001", ProposalLanguage.Arabic, 3, new HashSet<Guid>());
        var exclusions = new Dictionary<(Guid, Guid), Exclusion> { [(member.ReviewerId, organisation)] = Exclusion.Member };

        var plan = AssignmentPlanner.Plan([application], [english, frenchOnly, member, full], exclusions);

        Assert.Multiple(() =>
        {
            Assert.That(plan.Assignments, Is.EqualTo(new[] { new PlannedAssignment(application.ApplicationId, english.ReviewerId) }));
            Assert.That(plan.Shortfalls.Single() is { Needed: 3, Found: 1 }, Is.True);
            Assert.That(plan.Shortfalls.Single().Causes, Is.EqualTo(new ShortfallCauses(Pool: 4, AlreadyAssigned: 0, Members: 1, Conflicts: 0, ProbableConflicts: 0, OtherLanguage: 1, Language: ProposalLanguage.Arabic, AtMaximumLoad: 1)));
        });
    }

    [Test]
    public void Applications_with_the_fewest_possible_reviewers_are_staffed_first()
    {
        // Only Ana reads Arabic and she takes one review: the Arabic application must get her, even though
        // the English one comes first by label.
        var ana = new PlannedReviewer(Guid.NewGuid(), "Ana", [ProposalLanguage.English, ProposalLanguage.Arabic], 1, 0);
        var bruno = new PlannedReviewer(Guid.NewGuid(), "Bruno", [ProposalLanguage.English], 1, 0);
        var englishApplication = new PlannedApplication(Guid.NewGuid(), Guid.NewGuid(), "A", ProposalLanguage.English, 1, new HashSet<Guid>());
        var arabicApplication = new PlannedApplication(Guid.NewGuid(), Guid.NewGuid(), "B", ProposalLanguage.Arabic, 1, new HashSet<Guid>());

        var plan = AssignmentPlanner.Plan([englishApplication, arabicApplication], [ana, bruno], new Dictionary<(Guid, Guid), Exclusion>());

        Assert.That(plan.Assignments, Is.EquivalentTo(new[]
        {
            new PlannedAssignment(arabicApplication.ApplicationId, ana.ReviewerId),
            new PlannedAssignment(englishApplication.ApplicationId, bruno.ReviewerId),
        }));
        Assert.That(plan.Shortfalls, Is.Empty);
    }

    private static bool Holds(Pool pool)
    {
        var plan = AssignmentPlanner.Plan(pool.Applications, pool.Reviewers, pool.Exclusions);
        var reviewers = pool.Reviewers.ToDictionary(r => r.ReviewerId);
        var applications = pool.Applications.ToDictionary(a => a.ApplicationId);
        foreach (var group in plan.Assignments.GroupBy(a => a.ApplicationId))
        {
            var application = applications[group.Key];
            var chosen = group.Select(a => a.ReviewerId).ToArray();
            if (chosen.Distinct().Count() != chosen.Length || chosen.Length > application.Needed)
            {
                return false;
            }

            if (chosen.Any(r => application.AlreadyAssigned.Contains(r)
                || pool.Exclusions.ContainsKey((r, application.OrganisationId))
                || (application.Language is { } l && !reviewers[r].Languages.Contains(l))))
            {
                return false;
            }
        }

        var added = plan.Assignments.GroupBy(a => a.ReviewerId).ToDictionary(g => g.Key, g => g.Count());
        var underLoad = pool.Reviewers.All(r => !added.TryGetValue(r.ReviewerId, out var n) || r.CurrentLoad + n <= r.MaximumLoad);
        var shortfallsExplained = pool.Applications.Where(a => a.Needed > 0).All(a =>
            plan.Assignments.Count(x => x.ApplicationId == a.ApplicationId) == a.Needed
            || plan.Shortfalls.Any(s => s.ApplicationId == a.ApplicationId && s.Needed == a.Needed));
        return underLoad && shortfallsExplained;
    }

    private static Pool RandomPool(int seed, bool restricted)
    {
        var random = new Random(seed);
        var organisations = Enumerable.Range(0, random.Next(1, 20)).Select(_ => Guid.NewGuid()).ToArray();
        var reviewers = Enumerable.Range(0, random.Next(0, 25)).Select(i => new PlannedReviewer(
            Guid.NewGuid(),
            $"R{i:00}",
            [.. Languages.Where(_ => !restricted || random.Next(2) == 0)],
            random.Next(1, 12),
            random.Next(0, 4))).ToArray();
        var exclusions = new Dictionary<(Guid, Guid), Exclusion>();
        foreach (var reviewer in reviewers)
        {
            foreach (var organisation in organisations.Where(_ => restricted && random.Next(5) == 0))
            {
                exclusions[(reviewer.ReviewerId, organisation)] = (Exclusion)random.Next(3);
            }
        }

        var applications = Enumerable.Range(0, random.Next(0, 60)).Select(i => new PlannedApplication(
            Guid.NewGuid(),
            organisations[random.Next(organisations.Length)],
            $"A{i:000}",
            random.Next(6) == 0 ? null : Languages[random.Next(Languages.Length)],
            random.Next(0, 4),
            reviewers.Length == 0 || random.Next(3) > 0 ? new HashSet<Guid>() : new HashSet<Guid> { reviewers[random.Next(reviewers.Length)].ReviewerId })).ToArray();
        return new Pool(applications, reviewers, exclusions);
    }
}
