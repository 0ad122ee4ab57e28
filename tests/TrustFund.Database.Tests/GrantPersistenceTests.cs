using Microsoft.EntityFrameworkCore;
using TrustFund.Database.Tests.Engines;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Documents;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Database.Tests;

/// <summary>
/// Board sessions, grants, concerns and grantee reports written and read back whole on every engine,
/// their parts in order, and of two saves of one aggregate only the first succeeding, even when they
/// change different parts of it.
/// </summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
[TestFixture(DatabaseProvider.SqlServer)]
public sealed class GrantPersistenceTests : EngineFixture
{
    private static readonly Guid ManagerId = Guid.Parse("00000000-0000-0000-0000-00000000f001");
    private static readonly Guid FinanceId = Guid.Parse("00000000-0000-0000-0000-00000000f002");
    private static readonly Guid SecondFinanceId = Guid.Parse("00000000-0000-0000-0000-00000000f003");
    private int _calls;

    public GrantPersistenceTests(DatabaseProvider provider)
        : base(provider)
    {
    }

    private DateTime Now => Clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    [Test]
    public async Task BoardSession_WithDecisions_ReadsBackWholeAndInOrder()
    {
        var (call, applications) = await ReviewedApplicationsAsync(2);
        var (first, second) = (applications[0], applications[1]);
        var session = BoardSession.Record(call.Id, "27th session", Today, "Sofia Rossi", Now);
        await using (var db = NewContext())
        {
            db.Applications.AttachRange(first, second);
            var ranking = applications.Select(a => new RankedCandidate(a.Id, a.Reference!, Money.Usd(10_000m), true)).ToList();
            var context = new DecisionContext(Money.Usd(500_000m), ranking, []);
            session.Decide(first, new ProposedDecision(first.Id, DecisionOutcome.ReserveList, Feedback: "Strong, but funds ran out."), context, "Sofia Rossi", Now);
            session.Decide(
                second,
                new ProposedDecision(second.Id, DecisionOutcome.Approved, Money.Usd(9_000m), "Quarterly narrative reports.", "The Board funds the only project in the southern region this year."),
                context,
                "Sofia Rossi",
                Now);
            db.BoardSessions.Add(session);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.BoardSessions.SingleAsync(s => s.Id == session.Id);
            loaded.ReleaseFeedback(first.Id, "Sofia Rossi", Now);
            await db.SaveChangesAsync();
            Assert.That(loaded.Version, Is.Not.EqualTo(session.Version), "a decision changed renews the session's version");
        }

        await using var check = NewContext();
        var stored = await check.BoardSessions.AsNoTracking().SingleAsync(s => s.Id == session.Id);
        var statuses = await check.Applications.Where(a => a.CallId == call.Id).ToDictionaryAsync(a => a.Id, a => a.Status);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Number, Is.EqualTo("27th session"));
            Assert.That(stored.HeldOn, Is.EqualTo(Today));
            Assert.That(stored.Decisions.Select(d => d.ApplicationId), Is.EqualTo(new[] { first.Id, second.Id }));
            Assert.That(stored.Decisions[0].Outcome, Is.EqualTo(DecisionOutcome.ReserveList));
            Assert.That(stored.Decisions[0].Amount, Is.Null);
            Assert.That(stored.Decisions[0].IsFeedbackReleased, Is.True);
            Assert.That(stored.Decisions[1].Amount, Is.EqualTo(Money.Usd(9_000m)));
            Assert.That(stored.Decisions[1].Conditions, Is.EqualTo("Quarterly narrative reports."));
            Assert.That(stored.Decisions[1].StandingBefore, Is.EqualTo(DecisionStanding.Undecided));
            Assert.That(stored.Decisions[1].PassedOver, Is.EqualTo(new[] { new PassedOver(first.Id, first.Reference!, 1, DecisionStanding.ReserveList) }));
            Assert.That(stored.Decisions[1].DepartsFromRanking, Is.True);
            Assert.That(statuses[first.Id], Is.EqualTo(ApplicationStatus.ReserveList));
            Assert.That(statuses[second.Id], Is.EqualTo(ApplicationStatus.Approved));
        });
    }

    [Test]
    public async Task Grant_WithScheduleLedgerAndAmendments_ReadsBackWholeAndInOrder()
    {
        var grant = await ActiveGrantAsync(9_000m);
        Guid paymentId;
        await using (var db = NewContext())
        {
            var loaded = await db.Grants.SingleAsync(g => g.Id == grant.Id);
            var (first, second) = (loaded.Instalments[0], loaded.Instalments[1]);
            loaded.RequestRelease(first.Id, ReleaseFacts.None, [], ManagerId, "Sofia Rossi", [], Now);
            loaded.ApproveRelease(first.Id, FinanceId, "Kwame Mensah", [], Now);
            paymentId = loaded.RecordPayment(first.Id, first.Amount, Today, "PAY-001", FinanceId, "Kwame Mensah", [], Now).Id;
            loaded.RequestRelease(
                second.Id,
                new ReleaseFacts(false, false, ["audit report received"]),
                [new ConditionOverride(ReleaseCondition.InterimReportAccepted, "The interim report is late for reasons outside the grantee's control.")],
                ManagerId,
                "Sofia Rossi",
                [],
                Now);
            loaded.RecordRefund(Money.Usd(100m), Today, "REF-001", "Unspent transport costs.", FinanceId, "Kwame Mensah", Now);
            loaded.RecordCorrection(paymentId, -50m, Today, null, "The bank deducted a fee.", FinanceId, "Kwame Mensah", Now);
            var extension = loaded.RequestExtension(grant.EndDate.AddMonths(3), "Floods closed the shelter for two months.", "Amina Haddad", RequestingSide.Grantee, Now);
            loaded.ApproveAmendment(extension.Id, "Sofia Rossi", "Agreed.", Now);
            loaded.RequestBudgetRevision([.. loaded.Budget.Select(l => l with { Description = l.Description + " (revised)" })], "Clearer wording.", "Sofia Rossi", RequestingSide.FundManager, Now);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var stored = await check.Grants.AsNoTracking().SingleAsync(g => g.Id == grant.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Number, Is.EqualTo(grant.Number));
            Assert.That(stored.Amount, Is.EqualTo(Money.Usd(9_000m)));
            Assert.That(stored.Status, Is.EqualTo(GrantStatus.Active));
            Assert.That(stored.Budget, Is.EqualTo(grant.Budget));
            Assert.That(stored.FundSignedOn, Is.EqualTo(Today));
            Assert.That(stored.BankDetailsVerified, Is.True);
            Assert.That(stored.LastPaymentAtUtc, Is.Not.Null);
            Assert.That(stored.EndDate, Is.EqualTo(grant.EndDate.AddMonths(3)));

            Assert.That(stored.Instalments.Select(i => i.Number), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(stored.Instalments.Select(i => i.Status), Is.EqualTo(new[] { InstalmentStatus.Paid, InstalmentStatus.Requested, InstalmentStatus.Planned }));
            Assert.That(stored.Instalments.Select(i => i.Amount.Amount), Is.EqualTo(new[] { 3_600m, 3_600m, 1_800m }));
            Assert.That(stored.Instalments[0].PaymentEntryId, Is.EqualTo(paymentId));
            Assert.That(stored.Instalments[0].PaidOn, Is.EqualTo(Today));
            Assert.That(stored.Instalments[1].Conditions, Is.EqualTo(new[] { ReleaseCondition.InterimReportAccepted, ReleaseCondition.Manual("Audit report received") }));
            Assert.That(stored.Instalments[1].Overrides.Select(o => (o.Condition, o.ById)), Is.EqualTo(new[] { (ReleaseCondition.InterimReportAccepted, ManagerId) }));
            Assert.That(stored.Instalments[1].HasOverriddenConditions, Is.True);

            Assert.That(stored.Ledger.Select(e => e.Kind), Is.EqualTo(new[] { LedgerEntryKind.Payment, LedgerEntryKind.Refund, LedgerEntryKind.Correction }));
            Assert.That(stored.Ledger.Select(e => e.SignedAmount), Is.EqualTo(new[] { 3_600m, -100m, -50m }));
            Assert.That(stored.Ledger[2].CorrectsEntryId, Is.EqualTo(paymentId));
            Assert.That(stored.NetPaid, Is.EqualTo(Money.Usd(3_450m)));
            Assert.That(stored.Balance, Is.EqualTo(Money.Usd(5_550m)));

            Assert.That(stored.Amendments.Select(a => (a.Number, a.Kind, a.Status)), Is.EqualTo(new[]
            {
                (1, AmendmentKind.NoCostExtension, AmendmentStatus.Approved),
                (2, AmendmentKind.BudgetRevision, AmendmentStatus.Pending),
            }));
            Assert.That(stored.Amendments[1].PreviousBudget, Is.EqualTo(grant.Budget));
            Assert.That(stored.Amendments[1].NewBudget.Select(l => l.Description), Is.All.EndsWith("(revised)"));
        });
    }

    [Test]
    public async Task SaveChanges_TwoPaymentsOfOneGrantAtOnce_RefusesTheSecondAndPaysOnce()
    {
        var grant = await ActiveGrantAsync(10_000m);
        await using (var db = NewContext())
        {
            var loaded = await db.Grants.SingleAsync(g => g.Id == grant.Id);
            foreach (var instalment in loaded.Instalments.Take(2))
            {
                loaded.RequestRelease(instalment.Id, new ReleaseFacts(true, true, ["audit report received"]), [], ManagerId, "Sofia Rossi", [], Now);
                loaded.ApproveRelease(instalment.Id, FinanceId, "Kwame Mensah", [], Now);
            }

            await db.SaveChangesAsync();
        }

        await using var first = NewContext();
        await using var second = NewContext();
        var seenByFirst = await first.Grants.SingleAsync(g => g.Id == grant.Id);
        var seenBySecond = await second.Grants.SingleAsync(g => g.Id == grant.Id);
        seenByFirst.RecordPayment(seenByFirst.Instalments[0].Id, seenByFirst.Instalments[0].Amount, Today, "PAY-001", FinanceId, "Kwame Mensah", [], Now);
        seenBySecond.RecordPayment(seenBySecond.Instalments[1].Id, seenBySecond.Instalments[1].Amount, Today, "PAY-002", SecondFinanceId, "Ama Owusu", [], Now);

        await first.SaveChangesAsync();

        Assert.That(async () => await second.SaveChangesAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        await using var check = NewContext();
        var stored = await check.Grants.AsNoTracking().SingleAsync(g => g.Id == grant.Id);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Ledger.Select(e => e.Reference), Is.EqualTo(new[] { "PAY-001" }));
            Assert.That(stored.Instalments.Select(i => i.Status), Is.EqualTo(new[] { InstalmentStatus.Paid, InstalmentStatus.Approved, InstalmentStatus.Planned }));
            Assert.That(stored.Version, Is.EqualTo(seenByFirst.Version));
        });
    }

    [Test]
    public async Task SaveChanges_TwoChangesOfDifferentInstalmentsAtOnce_RefusesTheSecond()
    {
        var grant = await ActiveGrantAsync(10_000m);
        await using var first = NewContext();
        await using var second = NewContext();
        var seenByFirst = await first.Grants.SingleAsync(g => g.Id == grant.Id);
        var seenBySecond = await second.Grants.SingleAsync(g => g.Id == grant.Id);
        seenByFirst.RequestRelease(seenByFirst.Instalments[0].Id, ReleaseFacts.None, [], ManagerId, "Sofia Rossi", [], Now);
        seenBySecond.PutInstalmentOnHold(seenBySecond.Instalments[2].Id, "Waiting for the audit.", "Sofia Rossi");

        await first.SaveChangesAsync();

        Assert.That(async () => await second.SaveChangesAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        await using var check = NewContext();
        var stored = await check.Grants.AsNoTracking().SingleAsync(g => g.Id == grant.Id);
        var audit = await check.AuditEntries.Where(e => e.EntityId == grant.Id.ToString()).Select(e => e.Summary).ToListAsync();
        Assert.Multiple(() =>
        {
            Assert.That(stored.Instalments.Select(i => i.Status), Is.EqualTo(new[] { InstalmentStatus.Requested, InstalmentStatus.Planned, InstalmentStatus.Planned }));
            Assert.That(stored.Version, Is.Not.EqualTo(grant.Version).And.EqualTo(seenByFirst.Version));
            Assert.That(audit, Has.One.EqualTo("Grant changed: Instalments"));
        });
    }

    [Test]
    public async Task SafeguardingConcern_OpenedThenClosedTwiceAtOnce_ReadsBackAndRefusesTheSecondClosure()
    {
        var organisation = Organisation.Register("Casa Esperanza", "COL", Now);
        var concern = SafeguardingConcern.Open(organisation.Id, ConcernCategory.Fraud, Today, "Invoices for the shelter appear to be forged.", "Sofia Rossi", Now);
        await using (var db = NewContext())
        {
            db.Organisations.Add(organisation);
            db.SafeguardingConcerns.Add(concern);
            await db.SaveChangesAsync();
        }

        await using var first = NewContext();
        await using var second = NewContext();
        (await first.SafeguardingConcerns.SingleAsync(c => c.Id == concern.Id)).Close("The invoices were genuine.", "Sofia Rossi", Now);
        (await second.SafeguardingConcerns.SingleAsync(c => c.Id == concern.Id)).Close("Unfounded.", "Olga Petrova", Now);
        await first.SaveChangesAsync();

        Assert.That(async () => await second.SaveChangesAsync(), Throws.InstanceOf<DbUpdateConcurrencyException>());
        await using var check = NewContext();
        var stored = await check.SafeguardingConcerns.AsNoTracking().SingleAsync(c => c.Id == concern.Id);
        var open = await check.SafeguardingConcerns.CountAsync(c => c.OrganisationId == organisation.Id && c.Status == ConcernStatus.Open);
        Assert.Multiple(() =>
        {
            Assert.That(stored.Category, Is.EqualTo(ConcernCategory.Fraud));
            Assert.That(stored.OpenedOn, Is.EqualTo(Today));
            Assert.That(stored.Note, Is.EqualTo("Invoices for the shelter appear to be forged."));
            Assert.That(stored.Status, Is.EqualTo(ConcernStatus.Closed));
            Assert.That(stored.Outcome, Is.EqualTo("The invoices were genuine."));
            Assert.That(open, Is.Zero);
        });
    }

    [Test]
    public async Task GranteeReport_DraftSubmissionsAndReviews_ReadBackWholeAndInOrder()
    {
        var grant = await ActiveGrantAsync(9_000m);
        var planned = ReportSchedule.Plan(grant.StartDate, grant.EndDate, ReportScheduleTerms.Default);
        var reports = planned.Select(p => GranteeReport.Schedule(grant.Id, p)).ToList();
        var interim = reports[0];
        var draft = new ReportContent { Narrative = NarrativeReport.Empty with { Challenges = "Referrals were slow." } };
        interim.SaveDraft(draft, "Amina Haddad", Now);
        await using (var db = NewContext())
        {
            db.GranteeReports.AddRange(reports);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.GranteeReports.SingleAsync(r => r.Id == interim.Id);
            Assert.That(loaded.Draft?.Narrative.Challenges, Is.EqualTo("Referrals were slow."));
            loaded.Submit(Content("Write to info@example.org for the annual report."), true, "Amina Haddad", Now);
            loaded.RequestRevision("Add the referral figures.", null, "Sofia Rossi", Now);
            await db.SaveChangesAsync();
        }

        await using (var db = NewContext())
        {
            var loaded = await db.GranteeReports.SingleAsync(r => r.Id == interim.Id);
            loaded.Submit(Content("Referrals: 12 from labour inspectors."), false, "Amina Haddad", Now);
            loaded.Accept("Sofia Rossi", Now);
            await db.SaveChangesAsync();
        }

        await using var check = NewContext();
        var stored = await check.GranteeReports.AsNoTracking().SingleAsync(r => r.Id == interim.Id);
        var stillDue = await check.GranteeReports.CountAsync(r => r.GrantId == grant.Id && r.Status == ReportStatus.Due && r.DueOn <= grant.EndDate.AddYears(1));
        var first = stored.Submissions[0];
        var latest = stored.LatestSubmission!;
        Assert.Multiple(() =>
        {
            Assert.That(stored.Kind, Is.EqualTo(ReportKind.Interim));
            Assert.That(stored.Status, Is.EqualTo(ReportStatus.Accepted));
            Assert.That(stored.DueOn, Is.EqualTo(planned[0].DueOn));
            Assert.That(stored.Draft, Is.Null);
            Assert.That(stored.Submissions.Select(s => s.Number), Is.EqualTo(new[] { 1, 2 }));
            Assert.That(latest.Number, Is.EqualTo(2));
            Assert.That(first.ReviewOutcome, Is.EqualTo(ReportReviewOutcome.RevisionRequested));
            Assert.That(first.ReviewComment, Is.EqualTo("Add the referral figures."));
            Assert.That(first.AttestedNotAboutVictim, Is.True);
            Assert.That(first.FlaggedPersonalData.Select(f => f.Kind), Is.EqualTo(new[] { PersonalDataKind.EmailAddress }));
            Assert.That(latest.ReviewOutcome, Is.EqualTo(ReportReviewOutcome.Accepted));
            Assert.That(latest.Content.Narrative.Challenges, Is.EqualTo("Referrals: 12 from labour inspectors."));
            Assert.That(latest.Content.Financial.Lines, Is.EqualTo(Content(string.Empty).Financial.Lines));
            Assert.That(latest.Content.Financial.FundsReceived, Is.EqualTo(Money.Usd(3_600m)));
            Assert.That(latest.Content.Victims.BySexAndAge, Is.EqualTo(Content(string.Empty).Victims.BySexAndAge));
            Assert.That(latest.Content.Victims.UniquePersons, Is.EqualTo(10));
            Assert.That(latest.Content.Stories.Select(s => s.Text), Is.EqualTo(new[] { "A survivor now runs a tailoring workshop." }));
            Assert.That(stillDue, Is.EqualTo(1), "the final report stays due");
        });
    }

    [Test]
    public async Task TakeAsync_GrantNumbers_CountPerYearAndPassOverNumbersHeld()
    {
        var grant = await ActiveGrantAsync(9_000m, number: 1, year: 2033);
        await using var db = NewContext();
        var numbers = new GrantNumbers(db);
        await using var transaction = await db.Database.BeginTransactionAsync();

        var taken = new[]
        {
            await numbers.TakeAsync(2031, CancellationToken.None),
            await numbers.TakeAsync(2031, CancellationToken.None),
            await numbers.TakeAsync(2032, CancellationToken.None),
            await numbers.TakeAsync(2033, CancellationToken.None),
        };

        Assert.Multiple(() =>
        {
            Assert.That(grant.Number, Is.EqualTo("UNVTF-G-2033-0001"));
            Assert.That(taken, Is.EqualTo(new[] { 1, 2, 1, 2 }));
        });
    }

    [Test]
    public async Task TakeAsync_RolledBack_GivesTheSameNumberAgain()
    {
        await using (var db = NewContext())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            Assert.That(await new GrantNumbers(db).TakeAsync(2041, CancellationToken.None), Is.EqualTo(1));
        }

        await using var again = NewContext();
        await using var retry = await again.Database.BeginTransactionAsync();
        Assert.That(await new GrantNumbers(again).TakeAsync(2041, CancellationToken.None), Is.EqualTo(1));
    }

    private static ReportContent Content(string challenges) => new()
    {
        Narrative = new NarrativeReport("The shelter housed 10 survivors against 8 planned.", challenges, "None.", "Early legal aid shortens stays."),
        Financial = new FinancialReport([new FinancialLine("Shelter rent", Money.Usd(3_000m), Money.Usd(2_750.50m)), new FinancialLine("Legal aid", Money.Usd(600m), Money.Usd(700m))], Money.Usd(3_600m)),
        Victims = new VictimCounts
        {
            BySexAndAge = [new(Sex.Female, AgeBand.Age18To24, 7), new(Sex.Male, AgeBand.Age12To17, 3)],
            ByExploitationForm = [new(ExploitationForm.SexualExploitation, 7), new(ExploitationForm.ForcedLabour, 3)],
            ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 10)],
            ByNationality = [new("566", 9)],
            NationalityUnknown = 1,
            UniquePersons = 10,
            NewPersons = 8,
            ContinuingPersons = 2,
        },
        Stories = [new CaseStory("A survivor now runs a tailoring workshop.", true, true)],
    };

    /// <summary>Reviewed applications of a new call (ranked in the order returned), saved with their organisation and call.</summary>
    private async Task<(Call Call, List<GrantApplication> Applications)> ReviewedApplicationsAsync(int count)
    {
        var code = $"GP{++_calls}";
        var now = Now;
        var organisation = Organisation.Register($"Casa Esperanza {code}", "COL", now);
        organisation.Verify(now);
        var call = TestCalls.Published(code, "Grants call", now);
        var applications = new List<GrantApplication>();
        for (var i = 1; i <= count; i++)
        {
            var application = GrantApplication.Start(call, organisation, "applicant", now);
            application.Edit(VersionRecordsMigrationTests.Content(), "applicant", now);
            var documents = new[] { new SubmittedDocument(Guid.NewGuid(), DocumentType.RegistrationCertificate, "certificate.pdf", 100, new string('0', 64), true) };
            application.Submit(new SubmissionContext(call, true, organisation.LegalName, documents, now), GrantApplication.FormatReference(2026, code, i), "applicant");
            application.RecordEligibility(true, null, now);
            application.StartReview();
            application.CompleteReview();
            applications.Add(application);
        }

        await using var db = NewContext();
        db.Organisations.Add(organisation);
        db.Calls.Add(call);
        db.Applications.AddRange(applications);
        await db.SaveChangesAsync();
        return (call, applications);
    }

    /// <summary>
    /// A signed grant of a new approved application, bank details verified, its schedule 40/40/20 with
    /// the second instalment needing the interim report and a written condition.
    /// </summary>
    private async Task<Grant> ActiveGrantAsync(decimal amount, int? number = null, int year = 2026)
    {
        var (_, applications) = await ReviewedApplicationsAsync(1);
        var application = applications[0];
        application.Approve();
        var start = Today;
        var grant = Grant.Award(application, Money.Usd(amount), start, start.AddMonths(9), year, number ?? _calls, "Sofia Rossi", Now);
        grant.PlanInstalments(
            InstalmentTemplate.Default,
            [start, start.AddMonths(4), start.AddMonths(9)],
            [
                [ReleaseCondition.AgreementSigned, ReleaseCondition.BankDetailsVerified],
                [ReleaseCondition.InterimReportAccepted, ReleaseCondition.Manual("Audit report received")],
                [ReleaseCondition.FinalReportAccepted],
            ]);
        grant.RecordBankDetailsVerified("Kwame Mensah", Now);
        grant.RecordFundSignature(Today, "Sofia Rossi", Now);
        grant.RecordOrganisationSignature(Today, "Sofia Rossi", Now);
        await using var db = NewContext();
        db.Applications.Attach(application);
        db.Entry(application).Property(a => a.Status).IsModified = true;
        db.Grants.Add(grant);
        await db.SaveChangesAsync();
        return grant;
    }
}
