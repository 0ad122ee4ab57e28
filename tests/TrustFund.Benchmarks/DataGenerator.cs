using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Audit;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Benchmarks;

/// <summary>
/// Fills a migrated database (already holding the demo accounts and calls) with a deterministic data
/// set: every aggregate is built through its domain methods, then written in large batches.
/// </summary>
public sealed partial class DataGenerator(Func<TrustFundDbContext> newContext, DataScale scale, DateTime nowUtc)
{
    private const int Seed = 20260301;
    private const int BatchSize = 5_000;

    private static readonly string[] Words =
    [
        "safe", "shelter", "legal", "aid", "reintegration", "survivors", "return", "psychosocial", "support",
        "women", "children", "labour", "exploitation", "referral", "community", "health", "education",
        "livelihoods", "housing", "counselling", "outreach", "protection", "rights", "recovery",
    ];

    private static readonly string[] Countries = UnM49.Countries.Where(c => c.Iso3 is not null).Select(c => c.Iso3!).Take(60).ToArray();

    private readonly Random _random = new(Seed);
    private readonly Dictionary<Guid, int> _referencesIssued = [];

    /// <summary>The sign-in address of the generated applicant number <paramref name="index"/>.</summary>
    public static string ApplicantEmail(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"applicant{index:D5}@bench.test");

    public async Task GenerateAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        var organisations = await GenerateOrganisationsAsync(cancellationToken);
        await GenerateUsersAsync(organisations, cancellationToken);
        await GenerateCallsAndApplicationsAsync(organisations, cancellationToken);
        await GenerateReviewsAsync(organisations, cancellationToken);
        await GenerateGrantsAsync(organisations, cancellationToken);
        await GenerateAuditAsync(cancellationToken);
        Console.WriteLine($"Data set '{scale.Name}' generated in {total.Elapsed.TotalSeconds:F1} s.");
    }

    private async Task<List<Organisation>> GenerateOrganisationsAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = NewBulkContext();
        var existing = await db.Organisations.CountAsync(cancellationToken);
        var list = new List<Organisation>();
        for (var i = existing; i < scale.Organisations; i++)
        {
            var registered = nowUtc.AddDays(-_random.Next(400, 3_000));
            var organisation = Organisation.Register($"{Title(3)} Association {i:D4}", Pick(Countries), registered);
            var verified = i % 10 != 0;
            if (verified)
            {
                organisation.Verify(registered.AddDays(_random.Next(1, 60)));
            }

            db.Organisations.Add(organisation);
            list.Add(organisation);
        }

        await db.SaveChangesAsync(cancellationToken);
        Console.WriteLine($"  organisations: {list.Count} in {watch.Elapsed.TotalSeconds:F1} s");
        return list;
    }

    private async Task GenerateUsersAsync(List<Organisation> organisations, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = NewBulkContext();
        var existing = await db.Users.CountAsync(cancellationToken);
        var applicantRole = await db.Roles.Where(r => r.Name == Roles.Applicant).Select(r => r.Id).SingleAsync(cancellationToken);

        // One hash for every generated account keeps generation fast; they all sign in with the demo password.
        var passwordHash = new PasswordHasher<TrustFundUser>().HashPassword(new TrustFundUser(), DemoData.Password);
        var count = scale.Users - existing;
        for (var i = 0; i < count; i++)
        {
            var email = ApplicantEmail(i);
            var user = new TrustFundUser
            {
                Id = DeterministicGuid(1, i),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = DeterministicGuid(2, i).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = DeterministicGuid(3, i).ToString(),
                LockoutEnabled = true,
                DisplayName = $"{Title(2)} {i:D5}",
                OrganisationId = organisations[i % organisations.Count].Id,
                CreatedAtUtc = nowUtc.AddDays(-_random.Next(1, 400)),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = applicantRole });
            if ((i + 1) % BatchSize == 0)
            {
                await SaveAndClearAsync(db, cancellationToken);
            }
        }

        await SaveAndClearAsync(db, cancellationToken);
        Console.WriteLine($"  users: {count} in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task GenerateCallsAndApplicationsAsync(List<Organisation> organisations, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var calls = scale.Calls;
        var perCall = scale.Applications / calls;
        var written = 0;
        for (var k = 0; k < calls; k++)
        {
            await using var db = NewBulkContext();

            // Calls follow one another every two months; the last one is still open.
            var opens = nowUtc.AddDays(-60 * (calls - k)).AddDays(30);
            var closes = opens.AddDays(k == calls - 1 ? 90 : 45);
            var window = k % 2 == 0 ? WindowType.ShortTerm : WindowType.MediumTerm;
            var call = Call.Draft(
                new CallTerms
                {
                    Code = $"B{k:D2}",
                    Title = $"{Title(5)} call {k:D2}",
                    WindowType = window,
                    Description = Sentence(40),
                    OpensAtUtc = opens,
                    ClosesAtUtc = closes,
                    TimeZoneId = "Europe/Vienna",
                    MinimumAmount = 5_000m,
                    MaximumAmount = window == WindowType.ShortTerm ? 20_000m : 100_000m,
                    MaximumDurationMonths = window == WindowType.ShortTerm ? 9 : 24,
                    Envelope = 2_000_000m,
                    AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish],
                    RequiredDocuments = [Domain.Calls.DocumentType.RegistrationCertificate],
                    TrancheTemplate = DefaultRubric.TranchesFor(window),
                    AllowsSeveralApplicationsPerOrganisation = perCall > organisations.Count,
                },
                opens.AddDays(-20));
            call.Publish(opens.AddDays(-10));
            db.Calls.Add(call);

            for (var j = 0; j < perCall; j++)
            {
                var organisation = organisations[((k * perCall / 2) + j) % organisations.Count];
                db.Applications.Add(BuildApplication(call, organisation, opens, closes, j));
            }

            if (closes < nowUtc)
            {
                call.Close(closes.AddMinutes(1));
            }

            await SaveAndClearAsync(db, cancellationToken);
            written += perCall;
            Console.WriteLine($"  call {k + 1}/{calls}: {written} applications, {watch.Elapsed.TotalSeconds:F1} s");
        }
    }

    private GrantApplication BuildApplication(Call call, Organisation organisation, DateTime opens, DateTime closes, int index)
    {
        var verified = organisation.Status == OrganisationStatus.Verified;
        var started = opens.AddMinutes(_random.Next(0, (int)(closes - opens).TotalMinutes / 2));
        var application = GrantApplication.Start(call, organisation, "Bench applicant", started);
        var amount = Math.Round((decimal)_random.Next((int)call.Terms.MinimumAmount, (int)call.Terms.MaximumAmount) / 100m) * 100m;
        var submitted = started.AddDays(_random.Next(1, 10));
        var content = Content(call, amount, DateOnly.FromDateTime(submitted).AddMonths(2));
        application.Edit(content, "Bench applicant", started);
        var roll = index % 20;
        if (!verified || roll == 0 || submitted > closes)
        {
            return application;
        }

        var attached = call.Terms.RequiredDocuments.Select(d => new SubmittedDocument(Guid.NewGuid(), d, $"{d}.pdf", 1_000, new string('0', 64), true)).ToList();
        var context = new SubmissionContext(call, verified, organisation.LegalName, attached, submitted);
        application.Submit(context, GrantApplication.FormatReference(submitted.Year, call.Code, NextReference(call)), "Bench applicant");
        switch (roll)
        {
            case 1:
                application.Withdraw("The project was funded from another source.", submitted.AddDays(3));
                break;
            case 2 or 3:
                application.RecordEligibility(false, "The organisation does not meet the experience requirement.", submitted);
                break;
            case >= 4 and < 12:
                application.RecordEligibility(true, null, submitted);
                break;
            case 12:
                application.RequestInformation("Please explain the budget line for shelter running costs.", submitted.AddDays(14), submitted);
                break;
        }

        return application;
    }

    private ProposalContent Content(Call call, decimal amount, DateOnly start)
    {
        var shelter = decimal.Round(amount * 0.6m, 2);
        return new ProposalContent
        {
            Title = Title(6),
            Language = call.Terms.AcceptedLanguages[_random.Next(call.Terms.AcceptedLanguages.Count)],
            Countries = [Pick(Countries)],
            Locations = Title(2),
            StartDate = start,
            DurationMonths = Math.Min(9, call.Terms.MaximumDurationMonths),
            AmountRequested = amount,
            TotalProjectCost = amount + 5_000m,
            OtherFunding = 5_000m,
            ContextAndNeeds = Sentence(60),
            ObjectivesAndActivities = Sentence(60),
            Monitoring = Sentence(20),
            Sustainability = Sentence(20),
            RisksAndMitigation = Sentence(20),
            Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, _random.Next(10, 200))],
            ExploitationForms = [ExploitationForm.SexualExploitation],
            SafeguardingApproach = Sentence(20),
            Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, Sentence(15))],
            Budget =
            [
                new BudgetLine(DeterministicGuid(4, _random.Next()), BudgetCategory.DirectAssistanceToVictims, "Shelter running costs", 1, "year", shelter),
                new BudgetLine(DeterministicGuid(5, _random.Next()), BudgetCategory.Personnel, "Lawyer and social worker", 1, "year", amount - shelter),
            ],
            DeclaresInformationAccurate = true,
            DeclaresNoVictimIdentities = true,
            DeclaresSafeguardingMeasures = true,
        };
    }

    /// <summary>Appends hash-chained entries (sign-ins, views, exports) after those the saves wrote.</summary>
    private async Task GenerateAuditAsync(CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var db = NewBulkContext();
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditChain.Genesis;
        var count = scale.AuditEntries - (int)sequence;
        string[] actions = ["account.sign-in", "account.sign-out", "audit.viewed", "application.viewed", "export.downloaded"];
        var at = nowUtc.AddDays(-365);
        var step = TimeSpan.FromDays(364) / Math.Max(1, count);
        for (var i = 0; i < count; i++)
        {
            var user = _random.Next(scale.Users);
            var entry = AuditEntry.Create(
                at.Add(step * i),
                DeterministicGuid(1, user),
                ApplicantEmail(user),
                $"10.0.{user % 256}.{i % 256}",
                actions[i % actions.Length],
                null,
                null,
                "Generated for the benchmark data set.");
            entry.Chain(++sequence, previous);
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
            if ((i + 1) % (BatchSize * 4) == 0)
            {
                await SaveAndClearAsync(db, cancellationToken);
                Console.WriteLine($"  audit entries: {i + 1}/{count}, {watch.Elapsed.TotalSeconds:F1} s");
            }
        }

        await SaveAndClearAsync(db, cancellationToken);
        Console.WriteLine($"  audit entries: {count} in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private TrustFundDbContext NewBulkContext()
    {
        var db = newContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        return db;
    }

    private static async Task SaveAndClearAsync(TrustFundDbContext db, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static Guid DeterministicGuid(int kind, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, kind);
        BitConverter.TryWriteBytes(bytes[4..], index);
        BitConverter.TryWriteBytes(bytes[8..], Seed);
        return new Guid(bytes);
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private string Title(int words) =>
        string.Join(' ', Enumerable.Range(0, words).Select(_ => Pick(Words))) is var text && text.Length > 0
            ? char.ToUpperInvariant(text[0]) + text[1..]
            : text;

    private string Sentence(int words) => Title(words) + ".";

    // The generated submissions number their references per call, as the app's sequence would.
    private int NextReference(Call call)
    {
        var next = _referencesIssued.GetValueOrDefault(call.Id) + 1;
        _referencesIssued[call.Id] = next;
        return next;
    }
}
