using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Decisions;
using TrustFund.Domain.Documents;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Benchmarks;

/// <summary>The grants part of the data set: Board decisions, grants, instalments, payments and reports.</summary>
public sealed partial class DataGenerator
{
    /// <summary>The closed call whose approved applications hold the generated grants.</summary>
    public const string GrantsCallCode = "G01";

    private const int GrantBatch = 250;

    private static readonly InstalmentTemplate GrantTemplate = InstalmentTemplate.Of([30m, 30m, 20m, 20m]);

    private static readonly ReportScheduleTerms GrantReportTerms = new(InterimReports: 1, InterimDaysAfterPeriod: 30, FinalDaysAfterEnd: 60);

    /// <summary>
    /// <see cref="DataScale.Grants"/> grants on applications of a closed call, approved by Board sessions
    /// of 250 decisions each. One grant in ten awaits its signatures; the others started 12 to 20 months
    /// ago and share <see cref="DataScale.Payments"/> payments (three or four of their four instalments),
    /// the next instalment requested, approved, on hold or planned; every grant has an interim and a final
    /// report, accepted, submitted, or due (the interim one then overdue); half the fully paid grants are
    /// closed, and some grants have an extension or a refund.
    /// </summary>
    private async Task GenerateGrantsAsync(List<Organisation> organisations, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        Guid managerId;
        Guid financeId;
        await using (var db = NewBulkContext())
        {
            managerId = await db.Users.Where(u => u.Email == "manager@trustfund.test").Select(u => u.Id).SingleAsync(cancellationToken);
            financeId = await db.Users.Where(u => u.Email == "finance@trustfund.test").Select(u => u.Id).SingleAsync(cancellationToken);
        }

        var verified = organisations.Where(o => o.Status == OrganisationStatus.Verified).ToList();
        var today = DateOnly.FromDateTime(nowUtc);
        var closes = nowUtc.AddMonths(-22);
        var opens = closes.AddDays(-60);
        var call = Call.Draft(
            new CallTerms
            {
                Code = GrantsCallCode,
                Title = $"{Title(5)} call {GrantsCallCode}",
                WindowType = WindowType.MediumTerm,
                Description = Sentence(40),
                OpensAtUtc = opens,
                ClosesAtUtc = closes,
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 5_000m,
                MaximumAmount = 100_000m,
                MaximumDurationMonths = 24,
                Envelope = Money.MaximumAmount,
                AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish],
                RequiredDocuments = [DocumentType.RegistrationCertificate],
                TrancheTemplate = [30, 30, 20, 20],
                AllowsSeveralApplicationsPerOrganisation = true,
            },
            opens.AddDays(-20));
        call.Publish(opens.AddDays(-10));
        var signed = scale.Grants - (scale.Grants / 10);
        var active = 0;
        var payments = 0;
        var written = 0;
        for (var batch = 0; batch * GrantBatch < scale.Grants; batch++)
        {
            await using var db = NewBulkContext();
            if (batch == 0)
            {
                db.Calls.Add(call);
            }
            else
            {
                db.Calls.Attach(call);
            }

            var count = Math.Min(GrantBatch, scale.Grants - (batch * GrantBatch));
            var applications = new List<GrantApplication>(count);
            for (var j = 0; j < count; j++)
            {
                var g = (batch * GrantBatch) + j;
                var organisation = verified[g % verified.Count];
                var started = opens.AddDays(_random.Next(0, 30));
                var application = GrantApplication.Start(call, organisation, "Bench applicant", started);
                var amount = Math.Round((decimal)_random.Next(10_000, 100_000) / 100m) * 100m;
                application.Edit(Content(call, amount, DateOnly.FromDateTime(closes).AddMonths(2)), "Bench applicant", started);
                var submitted = started.AddDays(_random.Next(1, 10));
                var attached = call.Terms.RequiredDocuments.Select(d => new SubmittedDocument(Guid.NewGuid(), d, $"{d}.pdf", 1_000, new string('0', 64), true)).ToList();
                application.Submit(new SubmissionContext(call, true, organisation.LegalName, attached, submitted), GrantApplication.FormatReference(submitted.Year, call.Code, NextReference(call)), "Bench applicant");
                application.RecordEligibility(true, null, submitted.AddDays(20));
                application.StartReview();
                application.CompleteReview();
                applications.Add(application);
            }

            var heldOn = DateOnly.FromDateTime(closes).AddDays(30 + batch);
            var session = BoardSession.Record(call.Id, string.Create(CultureInfo.InvariantCulture, $"Session {batch + 1}"), heldOn, "manager@trustfund.test", nowUtc.AddMonths(-21));
            var ranking = applications.Select(a => new RankedCandidate(a.Id, a.Reference!, Money.Usd(a.AmountRequested!.Value), true)).ToList();
            var context = new DecisionContext(Money.Usd(Money.MaximumAmount), ranking, []);
            for (var j = 0; j < count; j++)
            {
                var g = (batch * GrantBatch) + j;
                var application = applications[j];
                var amount = Money.Usd(application.AmountRequested!.Value);
                session.Decide(application, new ProposedDecision(application.Id, DecisionOutcome.Approved, amount), context, "manager@trustfund.test", nowUtc.AddMonths(-21).AddMinutes(j));
                var pending = g % 10 == 9;
                var start = pending ? today.AddMonths(1) : today.AddDays(-(365 + (g * 37 % 240)));
                var grant = Grant.Award(application, amount, start, start.AddMonths(18), opens.Year, g + 1, "manager@trustfund.test", nowUtc.AddMonths(-21));
                grant.PlanInstalments(GrantTemplate, [.. Enumerable.Range(0, 4).Select(k => start.AddDays(90 * k))]);
                var reports = ReportSchedule.Plan(start, start.AddMonths(18), GrantReportTerms).Select(p => GranteeReport.Schedule(grant.Id, p)).ToList();
                if (!pending)
                {
                    var paid = Math.Min(4, (int)((long)(active + 1) * scale.Payments / signed) - (int)((long)active * scale.Payments / signed));
                    active++;
                    payments += paid;
                    SignAndPay(grant, reports, start, paid, g, managerId, financeId);
                }
                else if (g % 20 == 9)
                {
                    grant.RecordBankDetailsVerified("finance@trustfund.test", nowUtc.AddDays(-3));
                }

                db.Applications.Add(application);
                db.Grants.Add(grant);
                db.GranteeReports.AddRange(reports);
            }

            db.BoardSessions.Add(session);
            if ((batch + 1) * GrantBatch >= scale.Grants)
            {
                call.Close(closes.AddMinutes(1));
                db.Entry(call).State = EntityState.Modified;
            }

            await SaveAndClearAsync(db, cancellationToken);
            written += count;
        }

        Console.WriteLine($"  grants: {written} grants, {payments} payments, {written * 2} reports in {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Signs the grant and takes it as far as <paramref name="paid"/> paid instalments, its reports and its closure.</summary>
    private void SignAndPay(Grant grant, List<GranteeReport> reports, DateOnly start, int paid, int g, Guid managerId, Guid financeId)
    {
        DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc);
        const string manager = "manager@trustfund.test";
        const string finance = "finance@trustfund.test";
        var facts = new ReleaseFacts(true, true, []);
        grant.RecordBankDetailsVerified(finance, At(start.AddDays(-7)));
        grant.RecordFundSignature(start.AddDays(-5), manager, At(start.AddDays(-5)));
        grant.RecordOrganisationSignature(start.AddDays(-4), manager, At(start.AddDays(-4)));
        var instalments = grant.Instalments;
        for (var k = 0; k < paid; k++)
        {
            var on = instalments[k].PlannedOn;
            grant.RequestRelease(instalments[k].Id, facts, [], managerId, manager, [], At(on));
            grant.ApproveRelease(instalments[k].Id, financeId, finance, [], At(on.AddDays(1)));
            grant.RecordPayment(instalments[k].Id, instalments[k].Amount, on.AddDays(2), string.Create(CultureInfo.InvariantCulture, $"BP-{g:D5}-{k + 1}"), financeId, finance, [], At(on.AddDays(2)));
        }

        if (paid < instalments.Count)
        {
            var next = instalments[paid];
            var askedAt = nowUtc.AddDays(-(g % 20) - 1);
            switch (g % 6)
            {
                case 0 or 1:
                    grant.RequestRelease(next.Id, facts, [], managerId, manager, [], askedAt);
                    break;
                case 2:
                    grant.RequestRelease(next.Id, facts, [], managerId, manager, [], askedAt);
                    grant.ApproveRelease(next.Id, financeId, finance, [], askedAt.AddHours(3));
                    break;
                case 3:
                    grant.PutInstalmentOnHold(next.Id, Sentence(8), manager);
                    break;
            }
        }

        if (g % 25 == 0 && paid > 0)
        {
            grant.RecordRefund(Money.Usd(100m), DateOnly.FromDateTime(nowUtc).AddDays(-10), string.Create(CultureInfo.InvariantCulture, $"BR-{g:D5}"), Sentence(6), financeId, finance, nowUtc.AddDays(-10));
        }

        var (interim, final) = (reports[0], reports[1]);
        if (paid >= 2 || g % 3 == 0)
        {
            var submittedAt = At(interim.DueOn.AddDays(-5));
            interim.Submit(BenchReport(grant.Instalments[0].Amount), false, "Bench applicant", submittedAt);
            if (paid >= 2)
            {
                interim.Accept(manager, submittedAt.AddDays(7));
            }
        }

        if (paid == instalments.Count)
        {
            final.Submit(BenchReport(grant.NetPaid), false, "Bench applicant", nowUtc.AddDays(-20));
            final.Accept(manager, nowUtc.AddDays(-15));
            if (g % 2 == 0)
            {
                grant.BeginClosing(manager);
                grant.Close(true, Money.Zero, manager, nowUtc.AddDays(-5));
                return;
            }
        }

        if (g % 15 == 0)
        {
            var extension = grant.RequestExtension(grant.EndDate.AddMonths(3), Sentence(10), "Bench applicant", RequestingSide.Grantee, nowUtc.AddDays(-30));
            grant.ApproveAmendment(extension.Id, manager, null, nowUtc.AddDays(-28));
        }
        else if (g % 15 == 7)
        {
            grant.RequestExtension(grant.EndDate.AddMonths(2), Sentence(10), "Bench applicant", RequestingSide.Grantee, nowUtc.AddDays(-3));
        }
    }

    /// <summary>A report on the funds received: narrative, two budget lines and 20 persons assisted (counts only).</summary>
    private ReportContent BenchReport(Money received)
    {
        var budget = decimal.Round(received.Amount / 2m, 2);
        return new ReportContent
        {
            Narrative = new NarrativeReport(Sentence(60), Sentence(30), Sentence(15), Sentence(20)),
            Financial = new FinancialReport(
                [
                    new FinancialLine("Shelter running costs", Money.Usd(budget), Money.Usd(decimal.Round(budget * 0.95m, 2))),
                    new FinancialLine("Lawyer and social worker", Money.Usd(received.Amount - budget), Money.Usd(received.Amount - budget)),
                ],
                received),
            Victims = new VictimCounts
            {
                BySexAndAge = [new(Sex.Female, AgeBand.Age18To24, 12), new(Sex.Female, AgeBand.Age25To59, 6), new(Sex.Male, AgeBand.Age12To17, 2)],
                ByExploitationForm = [new(ExploitationForm.SexualExploitation, 14), new(ExploitationForm.ForcedLabour, 6)],
                ByAssistanceType = [new(AssistanceType.ShelterAndSafeAccommodation, 15), new(AssistanceType.LegalAidAndRepresentation, 20)],
                ByNationality = [new("566", 18)],
                NationalityUnknown = 2,
                UniquePersons = 20,
                NewPersons = 15,
                ContinuingPersons = 5,
            },
        };
    }
}
