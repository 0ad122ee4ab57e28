using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Calls;

/// <summary>Form fields of a valid call, and calls and applications put straight into the database.</summary>
internal static class CallFixtures
{
    private static int _sequence;

    public static string NewCode(string prefix = "T") => string.Create(CultureInfo.InvariantCulture, $"{prefix}{Interlocked.Increment(ref _sequence)}-{Random.Shared.Next(1000, 9999)}");

    /// <summary>A complete, valid call form (dates in Europe/Vienna, UTC+1 in March 2026).</summary>
    public static Dictionary<string, string> ValidForm(string code)
    {
        var fields = new Dictionary<string, string>
        {
            ["Command"] = "save",
            ["Code"] = code,
            ["Title"] = "Emergency grants " + code,
            ["WindowType"] = "ShortTerm",
            ["Description"] = "Grants for direct assistance.",
            ["TimeZoneId"] = "Europe/Vienna",
            ["OpensAt"] = "2026-03-10T09:00",
            ["ClosesAt"] = "2026-05-15T23:59",
            ["ClarificationDeadline"] = "2026-04-15T23:59",
            ["AnswersPublishedOn"] = "2026-04-22",
            ["MinimumAmount"] = "5000",
            ["MaximumAmount"] = "20,000.00",
            ["Envelope"] = "400000",
            ["MaximumDurationMonths"] = "9",
            ["EligibleAreas[0]"] = "002",
            ["EligibleAreas[1]"] = "032",
            ["PriorityForms[0]"] = "ForcedLabour",
            ["AllowedAssistance[0]"] = "MedicalCare",
            ["RegistrationCutoff"] = "2025-01-01",
            ["MinimumYearsOfExperience"] = "2",
            ["AcceptedLanguages[0]"] = "English",
            ["AcceptedLanguages[1]"] = "Spanish",
            ["RequiredDocuments[0]"] = "RegistrationCertificate",
            ["RequiredDocuments[1]"] = "AuditedFinancialStatements",
            ["ReviewersPerApplication"] = "3",
            ["TrancheTemplate"] = "40, 40, 20",
            ["AllowsSeveralApplicationsPerOrganisation"] = "true",
        };
        for (var i = 0; i < DefaultRubric.Criteria.Count; i++)
        {
            var criterion = DefaultRubric.Criteria[i];
            fields[$"Criteria[{i}].Key"] = criterion.Key;
            fields[$"Criteria[{i}].Name"] = criterion.Name;
            fields[$"Criteria[{i}].Weight"] = criterion.Weight.ToString(CultureInfo.InvariantCulture);
        }

        return fields;
    }

    public static CallTerms Terms(string code, DateTime now, DateTime? clarificationDeadline = null) => new()
    {
        Code = code,
        Title = "Call " + code,
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = now.AddDays(-10),
        ClosesAtUtc = now.AddDays(30),
        ClarificationDeadlineUtc = clarificationDeadline,
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 200_000m,
    };

    /// <summary>Adds a call in the database, published unless <paramref name="publish"/> is false.</summary>
    public static async Task<Call> AddCallAsync(TrustFundApp app, bool publish = true, DateTime? clarificationDeadline = null, Action<Call>? change = null)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var call = Call.Draft(Terms(NewCode("DB"), now, clarificationDeadline), now.AddDays(-11));
        if (publish)
        {
            call.Publish(now.AddDays(-10));
        }

        change?.Invoke(call);
        await app.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            return await db.SaveChangesAsync();
        });
        return call;
    }

    public static Task<Guid> OrganisationOfAsync(TrustFundApp app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganisationId!.Value).SingleAsync());

    /// <summary>Starts a draft application of <paramref name="email"/>'s organisation; withdrawn when asked.</summary>
    public static async Task<GrantApplication> AddApplicationAsync(TrustFundApp app, Call call, string email, bool withdraw = false)
    {
        var organisationId = await OrganisationOfAsync(app, email);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return await app.WithDbAsync(async db =>
        {
            var tracked = await db.Calls.SingleAsync(c => c.Id == call.Id);
            var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId);
            var application = GrantApplication.Start(tracked, organisation, email, now);
            if (withdraw)
            {
                application.Withdraw("We will apply to the next call.", now);
            }

            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });
    }
}
