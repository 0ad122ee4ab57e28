using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// The sum paid on a grant never exceeds its amount, even when finance officers record payments at the
/// same moment: 50 recordings fired at once on one grant, for 100 rounds (a new grant each round),
/// through the real use case on each engine. Each round's grant has three approved instalments
/// (40/40/20); the 50 recordings aim at them in turn with different references, and two repeat the
/// first one exactly (a form sent twice). Exactly one payment per instalment is written, the sum paid
/// is the grant's amount, and every other recording is refused saying the instalment is already paid
/// (or, for the repeats, finds its own payment recorded) — never a stale-edit message or an error.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public sealed class PaymentRaceTests : EngineFixture
{
    private const int Rounds = 100;
    private const int Concurrent = 50;
    private const decimal GrantAmount = 10_000m;

    private static readonly ClaimsPrincipal FinanceOfficer = new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString()),
            new Claim(ClaimTypes.Name, "finance@trustfund.test"),
            new Claim(ClaimTypes.Role, Roles.FinanceOfficer),
        ],
        "Test"));

    private readonly FlowActors _actors = new();
    private EngineApp? _app;

    public PaymentRaceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private EngineApp App => _app ?? throw new InvalidOperationException("The app has not started.");

    [OneTimeSetUp]
    public void StartApp()
    {
        _app = new EngineApp(Provider, ConnectionString, Clock, services =>
        {
            services.RemoveAll<ICurrentActor>();
            services.AddSingleton<ICurrentActor>(_actors);
        });
        _ = _app.Server;
    }

    [OneTimeTearDown]
    public void StopApp() => _app?.Dispose();

    [Test]
    public async Task RecordPayment_FiftyAtOnceForAHundredRounds_NeverOverspendsAndTellsEachLoserWhy()
    {
        var grants = await ApprovedGrantsAsync(Rounds);
        var watch = Stopwatch.StartNew();
        var failures = new List<string>();
        var unclear = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var grant = grants[round];
            var outcomes = await RaceAsync(grant, round);

            var stored = await ReadAsync(grant.Id);
            var payments = stored.Ledger.Where(e => e.Kind == LedgerEntryKind.Payment).ToList();
            var written = outcomes.Where(o => o.Outcome is { Succeeded: true, Value.AlreadyRecorded: false }).ToList();
            if (stored.NetPaid > stored.Amount || stored.NetPaid.Amount != GrantAmount)
            {
                failures.Add($"round {round}: sum paid {stored.NetPaid}, grant {stored.Amount}");
            }

            if (payments.Count != 3 || payments.Select(p => p.InstalmentId).Distinct().Count() != 3 || stored.Instalments.Any(i => i.Status != InstalmentStatus.Paid))
            {
                failures.Add($"round {round}: {payments.Count} payments on {payments.Select(p => p.InstalmentId).Distinct().Count()} instalments");
            }

            if (written.Count != 3)
            {
                failures.Add($"round {round}: {written.Count} recordings told they wrote a payment");
            }

            foreach (var (request, outcome, error) in outcomes)
            {
                if (error is not null)
                {
                    unclear.Add($"round {round} {request.Reference}: {error}");
                }
                else if (outcome!.Succeeded && outcome.Value.AlreadyRecorded && !payments.Any(p => p.Reference == request.Reference && p.InstalmentId == request.InstalmentId))
                {
                    unclear.Add($"round {round} {request.Reference}: told it was already recorded, but it was not");
                }
                else if (!outcome.Succeeded && !(outcome.Kind == OutcomeKind.Refused && Message(outcome).Contains("is already paid", StringComparison.Ordinal)))
                {
                    unclear.Add($"round {round} {request.Reference}: {outcome.Kind} {Message(outcome)}");
                }
            }
        }

        await TestContext.Out.WriteLineAsync($"{Provider}: {Rounds} rounds of {Concurrent} concurrent recordings in {watch.Elapsed.TotalSeconds:0.0} s");
        Assert.Multiple(() =>
        {
            Assert.That(failures, Is.Empty, string.Join('\n', failures.Take(20)));
            Assert.That(unclear, Is.Empty, string.Join('\n', unclear.Take(20)));
        });
    }

    [Test]
    public async Task RecordPayment_RefusedLoser_IsToldWhoPaidAndWithWhichReference()
    {
        var grant = (await ApprovedGrantsAsync(1))[0];
        var outcomes = await RaceAsync(grant, 1_000);

        var loser = outcomes.First(o => o.Outcome is { Kind: OutcomeKind.Refused }).Outcome!;
        var stored = await ReadAsync(grant.Id);
        var paidFirst = stored.Ledger.Single(e => e.InstalmentId == stored.Instalments[0].Id);
        var message = outcomes.Where(o => o.Request.InstalmentId == stored.Instalments[0].Id && o.Outcome is { Kind: OutcomeKind.Refused }).Select(o => Message(o.Outcome!)).First();
        Assert.That(loser.Kind, Is.EqualTo(OutcomeKind.Refused));
        Assert.That(message, Does.Contain("Instalment 1 is already paid").And.Contain(paidFirst.Reference!).And.Contain("finance@trustfund.test").And.Contain("Nothing was recorded"));
    }

    private static string Message<T>(Outcome<T> outcome) =>
        string.Join(" ", outcome.Problems.Select(p => p.Arguments.Count == 0 ? p.Message : string.Format(CultureInfo.InvariantCulture, p.Message, [.. p.Arguments])));

    /// <summary>Fires the round's 50 recordings at once, each in its own scope, as 50 requests would.</summary>
    private async Task<List<(RecordPayment Request, Outcome<PaymentRecorded>? Outcome, string? Error)>> RaceAsync(Grant grant, int round)
    {
        var paidOn = DateOnly.FromDateTime(Clock.GetUtcNow().UtcDateTime);
        var requests = Enumerable.Range(0, Concurrent).Select(k =>
        {
            // The last two repeat the first recording exactly: the same form sent again.
            var shown = k >= Concurrent - 2 ? 0 : k;
            var instalment = grant.Instalments[shown % 3];
            return new RecordPayment(grant.Id, instalment.Id, instalment.Amount.Amount, paidOn, $"PAY-{round:000}-{shown:00}");
        }).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = requests.Select(request => Task.Run(async () =>
        {
            _actors.ActAs(FinanceOfficer);
            await start.Task;
            try
            {
                await using var scope = App.Services.CreateAsyncScope();
                return (request, (Outcome<PaymentRecorded>?)await scope.ServiceProvider.GetRequiredService<IUseCases>().RunAsync(request), (string?)null);
            }
            catch (Exception ex)
            {
                return (request, null, ex.GetType().Name + ": " + ex.Message);
            }
        })).ToList();
        start.SetResult();
        return [.. await Task.WhenAll(running)];
    }

    private async Task<Grant> ReadAsync(Guid grantId)
    {
        await using var db = NewContext();
        return await db.Grants.AsNoTracking().SingleAsync(g => g.Id == grantId);
    }

    /// <summary><paramref name="count"/> active grants of USD 10,000, each with its three instalments approved.</summary>
    private async Task<List<Grant>> ApprovedGrantsAsync(int count)
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var call = TestCalls.Published($"R{Guid.NewGuid():N}"[..8], "Payment race", now);
        var organisation = Organisation.Register($"Race {Guid.NewGuid():N}", "NGA", now);
        organisation.Verify(now);
        await using (var db = NewContext())
        {
            db.Calls.Add(call);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
        }

        var manager = Guid.NewGuid();
        var finance = Guid.NewGuid();
        var grants = new List<Grant>();
        var year = 2_100 + Math.Abs(Guid.NewGuid().GetHashCode() % 7_000);
        for (var i = 0; i < count; i++)
        {
            var application = GrantApplication.Start(call, organisation, "applicant@race.test", now);
            application.Edit(Content(), "applicant@race.test", now);
            application.Submit(new SubmissionContext(call, true, organisation.LegalName, [new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 1_000, new string('0', 64), true)], now), $"{call.Code}-{i:0000}", "applicant@race.test");
            application.RecordEligibility(true, null, now);
            application.StartReview();
            application.CompleteReview();
            application.Approve();
            var grant = Grant.Award(application, Money.Usd(GrantAmount), today.AddMonths(1), today.AddMonths(10), year, i + 1, "manager@trustfund.test", now);
            grant.PlanInstalments(InstalmentTemplate.Default, [today, today.AddMonths(3), today.AddMonths(6)]);
            grant.RecordFundSignature(today, "manager@trustfund.test", now);
            grant.RecordOrganisationSignature(today, "manager@trustfund.test", now);
            grant.RecordBankDetailsVerified("manager@trustfund.test", now);
            foreach (var instalment in grant.Instalments)
            {
                grant.RequestRelease(instalment.Id, new ReleaseFacts(true, true, []), [], manager, "manager@trustfund.test", [], now);
                grant.ApproveRelease(instalment.Id, finance, "finance@trustfund.test", [], now);
            }

            await using var db = NewContext();
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.Grants.Add(grant);
            await db.SaveChangesAsync();
            grants.Add(grant);
        }

        return grants;
    }

    private static ProposalContent Content() => new()
    {
        Title = "Shelter and legal aid",
        Language = ProposalLanguage.English,
        Countries = ["NGA"],
        StartDate = new DateOnly(2026, 6, 1),
        DurationMonths = 9,
        AmountRequested = GrantAmount,
        TotalProjectCost = GrantAmount,
        ContextAndNeeds = "Context.",
        ObjectivesAndActivities = "Objectives.",
        Beneficiaries = [new BeneficiaryTarget(Sex.Female, AgeBand.Age18To24, 30)],
        ExploitationForms = [ExploitationForm.SexualExploitation],
        SafeguardingApproach = "Consent and confidentiality.",
        Assistance = [new AssistanceActivity(AssistanceType.ShelterAndSafeAccommodation, "A shelter.")],
        Budget = [new BudgetLine(Guid.NewGuid(), BudgetCategory.DirectAssistanceToVictims, "Shelter", 4, "month", GrantAmount / 4)],
        DeclaresInformationAccurate = true,
        DeclaresNoVictimIdentities = true,
        DeclaresSafeguardingMeasures = true,
    };

    /// <summary>Who acts, per asynchronous flow.</summary>
    private sealed class FlowActors : ICurrentActor
    {
        private readonly AsyncLocal<ClaimsPrincipal?> _user = new();

        public ClaimsPrincipal User => _user.Value ?? new ClaimsPrincipal(new ClaimsIdentity());

        public Guid? UserId => User.UserId();

        public string? Name => User.Identity?.IsAuthenticated == true ? User.Identity.Name : null;

        public Guid? OrganisationId => User.OrganisationId();

        public string? IpAddress => "127.0.0.1";

        public void ActAs(ClaimsPrincipal user) => _user.Value = user;
    }
}
