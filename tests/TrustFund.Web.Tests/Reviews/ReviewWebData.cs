using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Reviews;

/// <summary>Eligible applications assigned to reviewers, made through the domain, for the reviewers' pages.</summary>
public static class ReviewWebData
{
    /// <summary>An assignment of the reviewer with <paramref name="reviewerEmail"/> to a new eligible application of a new call and organisation.</summary>
    public static async Task<(Guid AssignmentId, Guid ApplicationId)> AssignedAsync(TrustFundApp app, string reviewerEmail, string code, bool declareNoConflict = false, Func<CallTerms, CallTerms>? terms = null, int dueInDays = 21, Guid? organisationId = null)
    {
        var call = await FundData.PublishedCallAsync(app, code, terms);
        var applicant = organisationId ?? (await FundData.OrganisationAsync(app, $"{code} Survivors Network")).Id;
        var application = await FundData.ApplicationAsync(app, call.Id, applicant, FundData.Content($"Shelter project {code}", 10_000m));
        var assignmentId = await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var tracked = await db.Applications.SingleAsync(a => a.Id == application.Id);
            tracked.RecordEligibility(true, null, now);
            var assignment = await AssignAsync(db, tracked, reviewerEmail, now, dueInDays);
            if (declareNoConflict)
            {
                assignment.DeclareNoConflict(now);
            }

            await db.SaveChangesAsync();
            return assignment.Id;
        });
        return (assignmentId, application.Id);
    }

    /// <summary>Assigns another reviewer to an application already under review.</summary>
    public static Task<Guid> AssignAlsoAsync(TrustFundApp app, Guid applicationId, string reviewerEmail) =>
        app.WithDbAsync(async db =>
        {
            var tracked = await db.Applications.SingleAsync(a => a.Id == applicationId);
            var assignment = await AssignAsync(db, tracked, reviewerEmail, FundData.Now(app), 21);
            await db.SaveChangesAsync();
            return assignment.Id;
        });

    /// <summary>The demo reviewer's name and every criterion of the default rubric as form fields with <paramref name="score"/>.</summary>
    public static Dictionary<string, string> ScoreFields(int? score, string action, string? recommendation = "Fund", string? summary = "A sound, victim-centred project.", Guid? version = null)
    {
        var fields = new Dictionary<string, string> { ["Intent"] = action };
        if (version is { } v)
        {
            fields["Version"] = v.ToString();
        }

        for (var i = 0; i < DefaultRubric.Criteria.Count; i++)
        {
            fields[$"Scores[{i}].Key"] = DefaultRubric.Criteria[i].Key;
            fields[$"Scores[{i}].Score"] = score?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            fields[$"Scores[{i}].Comment"] = $"Comment {i}.";
        }

        if (recommendation is not null)
        {
            fields["Recommendation"] = recommendation;
        }

        if (summary is not null)
        {
            fields["Summary"] = summary;
        }

        return fields;
    }

    public static Task<ReviewAssignment> ReadAsync(TrustFundApp app, Guid assignmentId) =>
        app.WithDbAsync(db => db.ReviewAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId));

    private static async Task<ReviewAssignment> AssignAsync(TrustFund.Infrastructure.Persistence.TrustFundDbContext db, Domain.Applications.GrantApplication application, string reviewerEmail, DateTime now, int dueInDays)
    {
        var reviewer = await db.Users.Where(u => u.Email == reviewerEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync();
        var assignment = ReviewAssignment.Assign(application, reviewer.Id, reviewer.DisplayName, DateOnly.FromDateTime(now).AddDays(dueInDays), "manager@trustfund.test", now);
        db.ReviewAssignments.Add(assignment);
        return assignment;
    }
}
