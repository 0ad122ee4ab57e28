using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Tests.Infrastructure;
using TrustFund.Application.Tests.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;

namespace TrustFund.Application.Tests.Reviews;

/// <summary>A published call with eligible applications of distinct organisations, reviewers and a fund manager, made through the domain.</summary>
public static class AssignmentData
{
    /// <summary>A published call and <paramref name="count"/> eligible applications, each of its own verified organisation.</summary>
    public static async Task<(Guid CallId, List<GrantApplication> Applications)> CallWithEligibleAsync(SliceFixture slice, string code, int count, Func<CallTerms, CallTerms>? adjust = null, IReadOnlyList<OrganisationOfficer>? officers = null, ProposalLanguage language = ProposalLanguage.English)
    {
        var now = slice.Now;
        var terms = ScreeningData.Terms(code, now);
        var call = Call.Draft(adjust is null ? terms : adjust(terms), now);
        call.Publish(now);
        var organisations = new List<Organisation>();
        var applications = new List<GrantApplication>();
        for (var i = 1; i <= count; i++)
        {
            var organisation = Organisation.Register($"{code} Partners {i}", "NGA", now);
            organisation.UpdateProfile(organisation.LegalName, "NGA", new OrganisationProfile { Type = OrganisationType.Ngo, RegistrationDate = new DateOnly(2015, 3, 1), UnppPartnerId = "UNPP-1", AttestsNotIntermediary = true, Officers = officers ?? [] }, now);
            organisation.Verify(now);
            organisations.Add(organisation);
            var application = GrantApplication.Start(call, organisation, "applicant@example.org", now);
            application.Edit(ScreeningData.Content($"Project {code} {i}", 10_000m, language: language), "applicant@example.org", now);
            application.Submit(new SubmissionContext(call, true, organisation.LegalName, [ScreeningData.Certificate()], now), $"{code}-2026-{i:000}", "applicant@example.org");
            application.RecordEligibility(true, null, now);
            applications.Add(application);
        }

        await slice.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            db.Applications.AddRange(applications);
            return await db.SaveChangesAsync();
        });
        return (call.Id, applications);
    }

    /// <summary>A reviewer account (the slice then acts as them: sign in as the manager afterwards).</summary>
    public static async Task<TrustFundUser> ReviewerAsync(SliceFixture slice, string name, Guid? organisationId = null, params ProposalLanguage[] languages)
    {
        var email = $"{PersonMatching.NameKey(name).Replace(' ', '.')}@reviewers.example.org";
        var user = await slice.SignInAsNewUserAsync(email, Roles.Reviewer, organisationId, name);
        if (languages.Length > 0)
        {
            await slice.WithDbAsync(async db =>
            {
                db.ReviewerProfiles.Add(ReviewerProfile.For(user.Id, languages, [], [], ReviewerProfile.DefaultMaximumLoad, "manager", slice.Now));
                return await db.SaveChangesAsync();
            });
        }

        return user;
    }

    /// <summary>Signs in as a new fund manager.</summary>
    public static Task<TrustFundUser> ManagerAsync(SliceFixture slice) =>
        slice.SignInAsNewUserAsync($"manager-{Guid.NewGuid():N}@fund.example.org", Roles.FundManager, name: "Fund Manager");

    /// <summary>The reviewer declares a conflict on their assignment to the application (through the domain).</summary>
    public static Task<int> DeclareConflictAsync(SliceFixture slice, Guid applicationId, Guid reviewerId) =>
        slice.WithDbAsync(async db =>
        {
            var assignment = await db.ReviewAssignments.SingleAsync(a => a.ApplicationId == applicationId && a.ReviewerId == reviewerId);
            assignment.DeclareConflict(ConflictType.Personal, "My cousin leads this organisation.", slice.Now);
            return await db.SaveChangesAsync();
        });
}
