using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Grants;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Grants;

/// <summary>Closed calls with ranked applications, and grants, made through the domain for the Board's and the grants' pages.</summary>
public static class GrantWebData
{
    /// <summary>One application to rank: its organisation, the amount requested, and the score (0-5 on every criterion) of its one review.</summary>
    public sealed record Entry(Guid OrganisationId, decimal Amount, int Score);

    /// <summary>
    /// A closed call (one reviewer per application, the given envelope) whose applications are each
    /// reviewed once by the demo reviewer with the given score: ranked best score first. Returns the
    /// call and the applications in the order given.
    /// </summary>
    public static async Task<(Guid CallId, List<Guid> Applications)> RankedCallAsync(TrustFundApp app, string code, decimal envelope, params Entry[] entries)
    {
        var call = await FundData.PublishedCallAsync(app, code, t => t with { Envelope = envelope, ReviewersPerApplication = 1 });
        var applications = new List<Guid>();
        foreach (var (entry, i) in entries.Select((e, i) => (e, i)))
        {
            applications.Add((await FundData.ApplicationAsync(app, call.Id, entry.OrganisationId, FundData.Content($"Project {code}-{i + 1}", entry.Amount))).Id);
        }

        await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var reviewer = await db.Users.Where(u => u.Email == "reviewer@trustfund.test").Select(u => new { u.Id, u.DisplayName }).SingleAsync();
            var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
            foreach (var (id, entry) in applications.Zip(entries))
            {
                var application = await db.Applications.SingleAsync(a => a.Id == id);
                application.RecordEligibility(true, null, now);
                var assignment = ReviewAssignment.Assign(application, reviewer.Id, reviewer.DisplayName, DateOnly.FromDateTime(now).AddDays(21), "manager@trustfund.test", now);
                db.ReviewAssignments.Add(assignment);
                assignment.DeclareNoConflict(now);
                assignment.Submit(tracked.Terms, [.. DefaultRubric.Criteria.Select(c => new CriterionScore(c.Key, entry.Score, $"On {c.Name}."))], Recommendation.Fund, "A sound project.", now);
                await db.SaveChangesAsync();
            }

            tracked.Close(now);
            await db.SaveChangesAsync();
            return true;
        });
        return (call.Id, applications);
    }

    /// <summary>New verified organisations, one per name.</summary>
    public static async Task<List<Guid>> OrganisationsAsync(TrustFundApp app, params string[] names)
    {
        var ids = new List<Guid>();
        foreach (var name in names)
        {
            ids.Add((await FundData.OrganisationAsync(app, name)).Id);
        }

        return ids;
    }

    /// <summary>A grant awaiting signatures for a new approved application of the organisation (made through the domain, without a Board session).</summary>
    public static async Task<Guid> GrantAsync(TrustFundApp app, Guid organisationId, string code, decimal amount = 10_000m)
    {
        var (callId, applications) = await RankedCallAsync(app, code, 500_000m, new Entry(organisationId, amount, 4));
        return await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var call = await db.Calls.SingleAsync(c => c.Id == callId);
            var application = await db.Applications.SingleAsync(a => a.Id == applications[0]);
            application.Approve();
            var taken = await db.Grants.CountAsync();
            var award = GrantAward.Award(application, call, Money.Usd(amount), DateOnly.FromDateTime(now), taken + 100, "manager@trustfund.test", now);
            db.Grants.Add(award.Grant);
            db.GranteeReports.AddRange(award.Reports);
            await db.SaveChangesAsync();
            return award.Grant.Id;
        });
    }

    public static Task<Grant> ReadAsync(TrustFundApp app, Guid grantId) =>
        app.WithDbAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId));

    /// <summary>The form fields of a decision.</summary>
    public static Dictionary<string, string> DecisionFields(Guid sessionId, Guid? stamp, string outcome, string? amount = null, string? justification = null, string? conditions = null, string? feedback = null)
    {
        var fields = new Dictionary<string, string> { ["SessionId"] = sessionId.ToString(), ["Outcome"] = outcome };
        if (stamp is { } s)
        {
            fields["Stamp"] = s.ToString();
        }

        void Add(string key, string? value)
        {
            if (value is not null)
            {
                fields[key] = value;
            }
        }

        Add("Amount", amount);
        Add("Justification", justification);
        Add("Conditions", conditions);
        Add("Feedback", feedback);
        return fields;
    }
}
