using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Tests.Payments;

/// <summary>Grants for the payment use cases, made through the domain: an approved application awarded, planned 40/40/20 and signed.</summary>
public static class PaymentData
{
    public static readonly DateOnly Start = new(2026, 6, 1);

    public static readonly DateOnly End = new(2027, 2, 28);

    private static int _sequence;

    /// <summary>An active grant of <paramref name="amount"/> on a new call and organisation, its bank details verified unless told otherwise.</summary>
    public static async Task<Grant> ActiveGrantAsync(SliceFixture slice, string code, decimal amount = 10_000m, bool bankVerified = true, IReadOnlyList<IReadOnlyList<ReleaseCondition>>? conditions = null)
    {
        var submitted = await ScreeningData.SubmittedAsync(slice, code);
        return await slice.WithDbAsync(async db =>
        {
            var now = slice.Now;
            var application = await db.Applications.SingleAsync(a => a.Id == submitted.Id);
            application.RecordEligibility(true, null, now);
            application.StartReview();
            application.CompleteReview();
            application.Approve();
            var grant = Grant.Award(application, Money.Usd(amount), Start, End, 2026, Interlocked.Increment(ref _sequence), "manager@trustfund.test", now);
            grant.PlanInstalments(InstalmentTemplate.Default, [Start, new DateOnly(2026, 10, 1), new DateOnly(2027, 2, 1)], conditions);
            var today = DateOnly.FromDateTime(now);
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

    /// <summary>The grant as stored now.</summary>
    public static Task<Grant> ReadAsync(SliceFixture slice, Guid grantId) =>
        slice.WithDbAsync(db => db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId));
}
