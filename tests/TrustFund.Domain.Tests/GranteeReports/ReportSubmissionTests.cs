using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.GranteeReports.Events;
using TrustFund.Domain.Tests.Builders;

namespace TrustFund.Domain.Tests.GranteeReports;

/// <summary>What a submission checks: the content's rules, the case stories' attestations and the personal-data screening.</summary>
[SetCulture("en-GB")]
public sealed class ReportSubmissionTests
{
    private static readonly DateTime Now = GranteeReportBuilder.Now;

    private static ReportContent WithIncident(string text) =>
        ReportContents.Valid() with { Narrative = ReportContents.Valid().Narrative with { SafetyIncidents = text } };

    [Test]
    public void Submit_ValidContent_KeepsTheVersionWithoutAttestation()
    {
        var report = GranteeReportBuilder.AReport().Build();

        var submission = report.Submit(ReportContents.Valid(), false, "Grace", Now);

        Assert.Multiple(() =>
        {
            Assert.That((submission.Number, submission.SubmittedBy, submission.SubmittedAtUtc, submission.ReportId), Is.EqualTo((1, "Grace", Now, report.Id)));
            Assert.That((submission.FlaggedPersonalData.Count, submission.AttestedNotAboutVictim), Is.EqualTo((0, false)));
            Assert.That(report.PendingEvents(), Is.EqualTo(new[] { new ReportSubmitted(report.Id, report.GrantId, ReportKind.Interim, 1, 1, false) }));
        });
    }

    [Test]
    public void Submit_PersonalDataWithoutAttestation_IsRefusedWithEachFindingAndChangesNothing()
    {
        var report = GranteeReportBuilder.AReport().Build();
        var content = WithIncident("A recruiter phoned +41 22 917 12 34 asking for Name: Joy.");

        var error = Assert.Throws<RulesViolatedException>(() => report.Submit(content, false, "Grace", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations, Is.EqualTo(new[]
            {
                new RuleViolation("Narrative.SafetyIncidents", "This may be personal data (a phone number: +•• •• ••• •• 34). Remove it, or attest that it is not about a victim."),
                new RuleViolation("Narrative.SafetyIncidents", "This may be personal data (a name: Name: J••). Remove it, or attest that it is not about a victim."),
            }));
            Assert.That((report.Status, report.Submissions.Count), Is.EqualTo((ReportStatus.Due, 0)));
        });
    }

    [Test]
    public void Submit_PersonalDataAttestedNotAboutAVictim_KeepsTheMaskedFindingsAndTheAttestation()
    {
        var report = GranteeReportBuilder.AReport().Build();
        var content = WithIncident("The labour inspectorate's hotline +41 22 917 12 34 answered within the hour.");

        var submission = report.Submit(content, true, "Grace", Now);

        Assert.Multiple(() =>
        {
            Assert.That(report.Status, Is.EqualTo(ReportStatus.Submitted));
            Assert.That(submission.AttestedNotAboutVictim, Is.True);
            Assert.That(submission.FlaggedPersonalData, Is.EqualTo(new[] { new PersonalDataFinding("Narrative.SafetyIncidents", PersonalDataKind.PhoneNumber, "+•• •• ••• •• 34", 34, 16) }));
            Assert.That(report.PendingEvents(), Is.EqualTo(new[] { new ReportSubmitted(report.Id, report.GrantId, ReportKind.Interim, 1, 1, true) }));
        });
    }

    [Test]
    public void Screen_Content_LooksAtNarrativeFieldsAndStoriesOnly()
    {
        var content = ReportContents.Valid() with
        {
            Narrative = new NarrativeReport("Results.", "Write to joy@example.org.", string.Empty, "Lessons."),
            Financial = new FinancialReport([new FinancialLine("Hotline +41 22 917 12 34", Money.Usd(1m), Money.Usd(1m))], Money.Usd(1m)),
            Stories = [new CaseStory("Passport AB1234567 was returned to her.", true, true)],
        };

        Assert.That(GranteeReport.Screen(content).Select(f => (f.Field, f.Kind)), Is.EqualTo(new[]
        {
            ("Narrative.Challenges", PersonalDataKind.EmailAddress),
            ("Stories[0]", PersonalDataKind.DocumentNumber),
        }));
    }

    [Test]
    public void Submit_InvalidContent_ReportsEveryRuleByFieldAndChangesNothing()
    {
        var report = GranteeReportBuilder.AReport().Build();
        var content = new ReportContent
        {
            Narrative = NarrativeReport.Empty,
            Financial = new FinancialReport([new FinancialLine(" ", Money.Usd(1m), Money.Usd(1m))], Money.Zero),
            Victims = ReportContents.ConsistentVictims() with { ContinuingPersons = 9 },
            Stories = [new CaseStory("She now runs a tailoring stall.", false, true)],
        };

        var error = Assert.Throws<RulesViolatedException>(() => report.Submit(content, true, "Grace", Now))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Violations.Select(v => v.Field), Is.EqualTo(new[]
            {
                "Narrative.ResultsAgainstPlan", "Financial.Lines[0]", "Victims.NewPersons", "Stories[0]",
            }));
            Assert.That((report.Status, report.Submissions.Count), Is.EqualTo((ReportStatus.Due, 0)));
        });
    }

    [Test]
    public void Check_StoryWithoutEitherAttestation_AsksForBoth()
    {
        var content = ReportContents.Valid() with { Stories = [new CaseStory("She now runs a tailoring stall.", false, false)] };

        Assert.That(content.Check(), Is.EqualTo(new[]
        {
            new RuleViolation("Stories[0]", "Story 1: attest that the person consented to their story being told."),
            new RuleViolation("Stories[0]", "Story 1: attest that the story was de-identified."),
        }));
    }

    [Test]
    public void Check_EmptyStory_IsRefused()
    {
        var content = ReportContents.Valid() with { Stories = [new CaseStory("  ", true, true)] };

        Assert.That(content.Check(), Is.EqualTo(new[] { new RuleViolation("Stories[0]", "Story 1: write the story in at most 8,000 characters, or remove it.") }));
    }

    [Test]
    public void Check_StoryWithBothAttestations_IsAccepted()
    {
        var content = ReportContents.Valid() with { Stories = [new CaseStory("She now runs a tailoring stall.", true, true)] };

        Assert.That(content.Check(), Is.Empty);
    }

    [Test]
    public void Check_TooManyStoriesAndTooLongNarrative_AreRefused()
    {
        var content = ReportContents.Valid() with
        {
            Narrative = ReportContents.Valid().Narrative with { Lessons = new string('x', ReportContent.TextMaxLength + 1) },
            Stories = Enumerable.Repeat(new CaseStory("A story.", true, true), ReportContent.MaximumStories + 1).ToList(),
        };

        Assert.That(content.Check().Select(v => v.Field), Is.EqualTo(new[] { "Narrative.Lessons", "Stories" }));
    }
}
