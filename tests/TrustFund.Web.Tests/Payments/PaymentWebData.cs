using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Web.Tests.Infrastructure;
using TrustFund.Web.Tests.Screening;

namespace TrustFund.Web.Tests.Payments;

/// <summary>Grants and concerns for the payment pages, made through the domain.</summary>
public static class PaymentWebData
{
    private static int _sequence = 500;

    /// <summary>
    /// An active grant of USD 10,000 of the organisation, planned 40/40/20, signed by both parties, its
    /// bank details verified unless told otherwise, on the call <paramref name="callCode"/> (published when new),
    /// for an application with <paramref name="content"/> (a shelter and legal aid project in Nigeria by default).
    /// </summary>
    public static async Task<Grant> ActiveGrantAsync(TrustFundApp app, Guid organisationId, string callCode = "PAY", bool bankVerified = true, ProposalContent? content = null)
    {
        var callId = await app.WithDbAsync(db => db.Calls.Where(c => c.Code == callCode).Select(c => (Guid?)c.Id).SingleOrDefaultAsync())
            ?? (await FundData.PublishedCallAsync(app, callCode)).Id;
        var submitted = await FundData.ApplicationAsync(app, callId, organisationId, content ?? FundData.Content("Shelter and legal aid", 10_000m));
        return await app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var today = DateOnly.FromDateTime(now);
            var application = await db.Applications.SingleAsync(a => a.Id == submitted.Id);
            application.RecordEligibility(true, null, now);
            application.StartReview();
            application.CompleteReview();
            application.Approve();
            var grant = Grant.Award(application, Money.Usd(10_000m), new DateOnly(2026, 6, 1), new DateOnly(2026, 12, 31), 2026, Interlocked.Increment(ref _sequence), "manager@trustfund.test", now);
            grant.PlanInstalments(InstalmentTemplate.Default, [new DateOnly(2026, 6, 1), new DateOnly(2026, 9, 1), new DateOnly(2027, 1, 15)]);
            grant.RecordFundSignature(today, "manager@trustfund.test", now);
            grant.RecordOrganisationSignature(today, "manager@trustfund.test", now);
            if (bankVerified)
            {
                grant.RecordBankDetailsVerified("manager@trustfund.test", now);
            }

            db.Grants.Add(grant);
            await db.SaveChangesAsync();
            return grant;
        });
    }

    /// <summary>A concern against the organisation, closed with an outcome when <paramref name="closed"/>.</summary>
    public static Task<SafeguardingConcern> ConcernAsync(TrustFundApp app, Guid organisationId, bool closed, string note = "A partner reported staff misconduct at the shelter.") =>
        app.WithDbAsync(async db =>
        {
            var now = FundData.Now(app);
            var concern = SafeguardingConcern.Open(organisationId, ConcernCategory.Misconduct, DateOnly.FromDateTime(now), note, "manager@trustfund.test", now);
            if (closed)
            {
                concern.Close("Investigated; the staff member was dismissed.", "manager@trustfund.test", now);
            }

            db.SafeguardingConcerns.Add(concern);
            await db.SaveChangesAsync();
            return concern;
        });

    public static Task<Grant> ReadAsync(TrustFundApp app, Guid grantId) =>
        app.WithDbAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId));
}
