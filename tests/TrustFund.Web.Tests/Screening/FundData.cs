using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Applications;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Tests.Infrastructure;

namespace TrustFund.Web.Tests.Screening;

/// <summary>Calls, organisations and applications made through the domain, for the fund managers' pages.</summary>
public static class FundData
{
    public static DateTime Now(TrustFundApp app) => app.Clock.GetUtcNow().UtcDateTime;

    public static CallTerms Terms(string code, DateTime nowUtc) => new()
    {
        Code = code,
        Title = $"Call {code}",
        WindowType = WindowType.ShortTerm,
        OpensAtUtc = nowUtc.AddDays(-1),
        ClosesAtUtc = nowUtc.AddDays(30),
        TimeZoneId = "Europe/Vienna",
        MinimumAmount = 5_000m,
        MaximumAmount = 20_000m,
        MaximumDurationMonths = 9,
        Envelope = 500_000m,
        RegistrationCutoff = new DateOnly(2025, 12, 31),
        MinimumYearsOfExperience = 2,
        AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French],
        RequiredDocuments = [DocumentType.RegistrationCertificate],
    };

    public static async Task<Call> PublishedCallAsync(TrustFundApp app, string code, Func<CallTerms, CallTerms>? adjust = null)
    {
        var now = Now(app);
        var terms = Terms(code, now);
        var call = Call.Draft(adjust is null ? terms : adjust(terms), now);
        call.Publish(now);
        return await app.WithDbAsync(async db =>
        {
            db.Calls.Add(call);
            await db.SaveChangesAsync();
            return call;
        });
    }

    public static async Task<Organisation> OrganisationAsync(TrustFundApp app, string name, string country = "NGA", bool verified = true, Func<OrganisationProfile, OrganisationProfile>? profile = null)
    {
        var now = Now(app);
        var organisation = Organisation.Register(name, country, now);
        organisation.UpdateProfile(name, country, (profile ?? (p => p))(new OrganisationProfile
        {
            Type = OrganisationType.Ngo,
            RegistrationDate = new DateOnly(2015, 3, 1),
            UnppPartnerId = "UNPP-12345",
            AttestsNotIntermediary = true,
        }), now);
        organisation.ChangeBankDetails(new BankDetails { BankName = "Bank", AccountNumber = "NG0012345678", AccountHolder = name, SwiftBic = "ABCDNGLA" });
        if (verified)
        {
            organisation.Verify(now);
        }

        return await app.WithDbAsync(async db =>
        {
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            return organisation;
        });
    }

    public static async Task<Guid> DemoOrganisationIdAsync(TrustFundApp app, string email) =>
        await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.OrganisationId!.Value).SingleAsync());

    public static ProposalContent Content(string title, decimal amount, string[]? countries = null, AssistanceType[]? assistance = null, int duration = 6, ProposalLanguage language = ProposalLanguage.English, DateOnly? start = null) => new()
    {
        Title = title,
        Language = language,
        Countries = countries ?? ["NGA"],
        StartDate = start ?? new DateOnly(2026, 6, 1),
        DurationMonths = duration,
        AmountRequested = amount,
        TotalProjectCost = amount,
        ContextAndNeeds = "Context of the project.",
        ObjectivesAndActivities = "Objectives and activities.",
        SafeguardingApproach = "Victim-centred approach.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 40)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        Assistance = (assistance ?? [AssistanceType.ShelterAndSafeAccommodation]).Select(a => new AssistanceActivity(a, "How it is delivered.")).ToList(),
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter nights", 1, "lot", amount)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };

    /// <summary>A submitted application (or a draft when <paramref name="submit"/> is false).</summary>
    public static async Task<GrantApplication> ApplicationAsync(TrustFundApp app, Guid callId, Guid organisationId, ProposalContent content, bool submit = true, TimeSpan? submittedAfter = null)
    {
        var now = Now(app) + (submittedAfter ?? TimeSpan.Zero);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId);
        var application = GrantApplication.Start(call, organisation, "applicant@trustfund.test", now);
        application.Edit(content, "applicant@trustfund.test", now);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (submit)
        {
            var documents = call.Terms.RequiredDocuments
                .SelectMany(d => Enumerable.Repeat(d, d == DocumentType.ReferenceLetter ? 2 : 1))
                .Select(d => new SubmittedDocument(Guid.NewGuid(), d, $"{d}.pdf", 1_000, new string('0', 64), true))
                .ToList();
            var reference = await scope.ServiceProvider.GetRequiredService<IReferenceNumbers>().TakeAsync(call, now, default);
            application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now), reference, "applicant@trustfund.test");
        }

        db.Applications.Add(application);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return application;
    }

    /// <summary>Submits a draft made by <see cref="ApplicationAsync"/> with <c>submit: false</c>, relying on the given attachment besides the call's required documents.</summary>
    public static async Task SubmitWithAsync(TrustFundApp app, Guid applicationId, Attachment reliedOn)
    {
        var now = Now(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TrustFundDbContext>();
        var application = await db.Applications.Include(a => a.Versions).SingleAsync(a => a.Id == applicationId);
        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId);
        var documents = call.Terms.RequiredDocuments
            .SelectMany(d => Enumerable.Repeat(d, d == DocumentType.ReferenceLetter ? 2 : 1))
            .Select(d => new SubmittedDocument(Guid.NewGuid(), d, $"{d}.pdf", 1_000, new string('0', 64), true))
            .Append(new SubmittedDocument(reliedOn.Id, reliedOn.DocumentType, reliedOn.FileName, reliedOn.SizeBytes, reliedOn.Sha256, false))
            .ToList();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var reference = await scope.ServiceProvider.GetRequiredService<IReferenceNumbers>().TakeAsync(call, now, default);
        application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now), reference, "applicant@trustfund.test");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    public static Task<List<TrustFund.Infrastructure.Email.OutboxMessage>> EmailsToAsync(TrustFundApp app, string to) =>
        app.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.CreatedAtUtc).ToListAsync());

    public static Task<T> ReadAsync<T>(TrustFundApp app, Func<TrustFundDbContext, Task<T>> read) => app.WithDbAsync(read);
}
