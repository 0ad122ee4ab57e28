using TrustFund.Application.Common;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Reviews;

/// <summary>
/// What auto-assignment would do for a call, before anything is saved: the reviewers proposed for each
/// application that needs some, the applications it could not fully staff and why, and the reviewers'
/// loads after it. Its fingerprint is what a confirmation must match.
/// </summary>
public sealed record PreviewAutoAssignment(Guid CallId) : IUseCase<AutoAssignmentPreview>;

/// <summary>The proposal.</summary>
/// <param name="ApplicationsConsidered">Eligible and under-review applications of the call.</param>
/// <param name="Rows">Applications needing reviewers, with those proposed.</param>
/// <param name="Loads">Every active reviewer's open load before and after the plan.</param>
public sealed record AutoAssignmentPreview(
    Guid CallId,
    string CallCode,
    string CallTitle,
    int ReviewersPerApplication,
    int ApplicationsConsidered,
    IReadOnlyList<ProposedRow> Rows,
    IReadOnlyList<Shortfall> Shortfalls,
    IReadOnlyList<ReviewerLoad> Loads,
    string Fingerprint)
{
    public int ProposedCount => Rows.Sum(r => r.Reviewers.Count);

    public int? MinimumLoadAfter => Loads.Count == 0 ? null : Loads.Min(l => l.After);

    public int? MaximumLoadAfter => Loads.Count == 0 ? null : Loads.Max(l => l.After);
}

/// <summary>One application needing reviewers and those the plan proposes (possibly fewer than needed).</summary>
public sealed record ProposedRow(Guid ApplicationId, string Label, int Needed, IReadOnlyList<string> Reviewers);

/// <summary>A reviewer's open assignments before and after the plan, and their maximum.</summary>
public sealed record ReviewerLoad(Guid ReviewerId, string Name, int Before, int After, int Maximum);

internal sealed class PreviewAutoAssignmentHandler : IUseCaseHandler<PreviewAutoAssignment, AutoAssignmentPreview>
{
    private readonly ITrustFundDb _db;

    public PreviewAutoAssignmentHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<AutoAssignmentPreview> HandleAsync(PreviewAutoAssignment request, CancellationToken cancellationToken) =>
        Describe(await AutoAssignmentPlanning.PlanAsync(_db, request.CallId, cancellationToken));

    internal static AutoAssignmentPreview Describe(PlanningResult result)
    {
        var names = result.Reviewers.ToDictionary(r => r.Id, r => r.Name);
        var proposed = result.Plan.Assignments.ToLookup(a => a.ApplicationId, a => names[a.ReviewerId]);
        var rows = result.Applications.Where(a => a.Needed > 0)
            .OrderBy(a => a.Label, StringComparer.Ordinal)
            .Select(a => new ProposedRow(a.ApplicationId, a.Label, a.Needed, [.. proposed[a.ApplicationId]]))
            .ToList();
        var loads = result.Reviewers
            .Select(r => new ReviewerLoad(r.Id, r.Name, r.OpenLoad, result.Plan.LoadsAfter.GetValueOrDefault(r.Id, r.OpenLoad), r.MaximumLoad))
            .ToList();
        return new AutoAssignmentPreview(
            result.CallId,
            result.Terms.Code,
            result.Terms.Title,
            result.Terms.ReviewersPerApplication,
            result.Applications.Count,
            rows,
            [.. result.Plan.Shortfalls.OrderBy(s => s.Label, StringComparer.Ordinal)],
            loads,
            result.Fingerprint);
    }
}
