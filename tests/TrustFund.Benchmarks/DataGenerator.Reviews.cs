using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Reviews;
using TrustFund.Infrastructure.Demo;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Benchmarks;

/// <summary>The technical review part of the data set.</summary>
public sealed partial class DataGenerator
{
    /// <summary>Reviewers in every data set: the demo reviewer and generated ones.</summary>
    public const int Reviewers = 60;

    /// <summary>The closed call whose applications are all reviewed (its ranking is measured).</summary>
    public const string ReviewedCallCode = "R01";

    /// <summary>The closed call whose eligible applications wait for reviewers (auto-assignment is measured on it).</summary>
    public const string UnassignedCallCode = "A01";

    /// <summary>The sign-in address of generated reviewer number <paramref name="index"/>.</summary>
    public static string ReviewerEmail(int index) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"reviewer{index:D2}@bench.test");

    /// <summary>
    /// Reviewers (the demo reviewer and 59 generated, each reading English, French and Spanish), a closed
    /// call of <see cref="DataScale.ReviewedApplications"/> eligible applications with three reviewers
    /// each (nine in ten reviews submitted, the rest waiting for a declaration or in draft), and a second
    /// closed call with as many eligible applications and no reviewer yet.
    /// </summary>
    private async Task GenerateReviewsAsync(List<Organisation> organisations, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var reviewers = await GenerateReviewersAsync(cancellationToken);
        var verified = organisations.Where(o => o.Status == OrganisationStatus.Verified).ToList();
        var reviewed = await ClosedCallAsync(ReviewedCallCode, verified, cancellationToken);
        var unassigned = await ClosedCallAsync(UnassignedCallCode, verified, cancellationToken);

        await using var db = NewBulkContext();
        var terms = await db.Calls.AsNoTracking().Where(c => c.Id == reviewed.Call.Id).Select(c => c.Terms).SingleAsync(cancellationToken);
        var assignedAt = nowUtc.AddDays(-20);
        var count = 0;
        for (var i = 0; i < reviewed.Applications.Count; i++)
        {
            var application = reviewed.Applications[i];
            db.Applications.Attach(application);
            var assignments = new List<ReviewAssignment>();
            for (var r = 0; r < 3; r++)
            {
                var reviewer = reviewers[((i * 3) + r) % reviewers.Count];
                var assignment = ReviewAssignment.Assign(application, reviewer.Id, reviewer.Name, DateOnly.FromDateTime(nowUtc).AddDays(_random.Next(-5, 15)), "manager@trustfund.test", assignedAt);
                // Drawn, not derived from i and r: reviewer (3i + r) mod 60 and (i + r) mod 10 would give
                // some reviewers only pending assignments.
                var roll = _random.Next(0, 10);
                if (roll != 0)
                {
                    assignment.DeclareNoConflict(assignedAt.AddDays(1));
                    IReadOnlyList<CriterionScore> scores = [.. terms.Rubric.Select(c => new CriterionScore(c.Key, _random.Next(0, terms.ScoreScaleMaximum + 1), Sentence(8)))];
                    var recommendation = (Recommendation)_random.Next(0, 3);
                    if (roll == 1)
                    {
                        assignment.SaveDraft(terms, scores, recommendation, Sentence(12), assignedAt.AddDays(2));
                    }
                    else
                    {
                        assignment.Submit(terms, scores, recommendation, Sentence(25), assignedAt.AddDays(3));
                    }
                }

                assignments.Add(assignment);
            }

            ReviewProgress.Settle(application, assignments, terms.ReviewersPerApplication);
            db.Entry(application).State = EntityState.Modified;
            db.ReviewAssignments.AddRange(assignments);
            count += assignments.Count;
            if ((i + 1) % 1_000 == 0)
            {
                await SaveAndClearAsync(db, cancellationToken);
            }
        }

        await SaveAndClearAsync(db, cancellationToken);
        Console.WriteLine($"  reviews: {reviewers.Count} reviewers, {count} assignments on {reviewed.Applications.Count} applications, {unassigned.Applications.Count} waiting, {watch.Elapsed.TotalSeconds:F1} s");
    }

    private async Task<List<(Guid Id, string Name)>> GenerateReviewersAsync(CancellationToken cancellationToken)
    {
        await using var db = NewBulkContext();
        var role = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleAsync(cancellationToken);
        var demo = DemoData.Users.First(u => u.Role == Roles.Reviewer);
        var reviewers = new List<(Guid Id, string Name)>
        {
            await db.Users.Where(u => u.Email == demo.Email).Select(u => ValueTuple.Create(u.Id, u.DisplayName)).SingleAsync(cancellationToken),
        };
        var passwordHash = new PasswordHasher<TrustFundUser>().HashPassword(new TrustFundUser(), DemoData.Password);
        for (var i = 1; i < Reviewers; i++)
        {
            var email = ReviewerEmail(i);
            var user = new TrustFundUser
            {
                Id = DeterministicGuid(6, i),
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = DeterministicGuid(7, i).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = DeterministicGuid(8, i).ToString(),
                LockoutEnabled = true,
                DisplayName = $"{Title(2)} reviewer {i:D2}",
                CreatedAtUtc = nowUtc.AddDays(-_random.Next(1, 400)),
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role });
            reviewers.Add((user.Id, user.DisplayName));
        }

        foreach (var (id, _) in reviewers)
        {
            db.ReviewerProfiles.Add(ReviewerProfile.For(id, [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish], [], [], 500, "manager@trustfund.test", nowUtc));
        }

        await SaveAndClearAsync(db, cancellationToken);
        return reviewers;
    }

    /// <summary>A call that closed a month ago with <see cref="DataScale.ReviewedApplications"/> submitted applications, all screened eligible.</summary>
    private async Task<(Call Call, List<GrantApplication> Applications)> ClosedCallAsync(string code, List<Organisation> organisations, CancellationToken cancellationToken)
    {
        await using var db = NewBulkContext();
        var closes = nowUtc.AddDays(-30);
        var opens = closes.AddDays(-60);
        var call = Call.Draft(
            new CallTerms
            {
                Code = code,
                Title = $"{Title(5)} call {code}",
                WindowType = WindowType.MediumTerm,
                Description = Sentence(40),
                OpensAtUtc = opens,
                ClosesAtUtc = closes,
                TimeZoneId = "Europe/Vienna",
                MinimumAmount = 5_000m,
                MaximumAmount = 100_000m,
                MaximumDurationMonths = 24,
                Envelope = 20_000_000m,
                AcceptedLanguages = [ProposalLanguage.English, ProposalLanguage.French, ProposalLanguage.Spanish],
                RequiredDocuments = [DocumentType.RegistrationCertificate],
                TrancheTemplate = DefaultRubric.TranchesFor(WindowType.MediumTerm),
                AllowsSeveralApplicationsPerOrganisation = true,
            },
            opens.AddDays(-20));
        call.Publish(opens.AddDays(-10));
        db.Calls.Add(call);
        var applications = new List<GrantApplication>();
        for (var j = 0; j < scale.ReviewedApplications; j++)
        {
            var organisation = organisations[j % organisations.Count];
            var started = opens.AddDays(_random.Next(0, 30));
            var application = GrantApplication.Start(call, organisation, "Bench applicant", started);
            var amount = Math.Round((decimal)_random.Next(5_000, 100_000) / 100m) * 100m;
            application.Edit(Content(call, amount, DateOnly.FromDateTime(closes).AddMonths(2)), "Bench applicant", started);
            var submitted = started.AddDays(_random.Next(1, 10));
            var attached = call.Terms.RequiredDocuments.Select(d => new SubmittedDocument(Guid.NewGuid(), d, $"{d}.pdf", 1_000, new string('0', 64), true)).ToList();
            application.Submit(new SubmissionContext(call, true, organisation.LegalName, attached, submitted), GrantApplication.FormatReference(submitted.Year, call.Code, NextReference(call)), "Bench applicant");
            application.RecordEligibility(true, null, submitted.AddDays(20));
            db.Applications.Add(application);
            applications.Add(application);
        }

        call.Close(closes.AddMinutes(1));
        await SaveAndClearAsync(db, cancellationToken);
        return (call, applications);
    }
}
