using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports;

/// <summary>What a grantee submits: narrative, finances, victims assisted (counts only) and optional anonymised stories.</summary>
public sealed record ReportContent
{
    public const int TextMaxLength = 20_000;
    public const int StoryMaxLength = 8_000;
    public const int MaximumStories = 10;

    public NarrativeReport Narrative { get; init; } = NarrativeReport.Empty;

    public FinancialReport Financial { get; init; } = FinancialReport.Empty;

    public VictimCounts Victims { get; init; } = VictimCounts.None;

    public IReadOnlyList<CaseStory> Stories { get; init; } = [];

    /// <summary>
    /// Every rule broken, tied to its field: the results against the plan are described; texts within
    /// length; the financial lines and the victims' counts pass their own checks; each story has text
    /// and both attestations (consent and de-identification).
    /// </summary>
    public IReadOnlyList<RuleViolation> Check()
    {
        var errors = new List<RuleViolation>();
        if (string.IsNullOrWhiteSpace(Narrative.ResultsAgainstPlan))
        {
            errors.Add(new RuleViolation($"{nameof(Narrative)}.{nameof(NarrativeReport.ResultsAgainstPlan)}", "Describe the results against the plan."));
        }

        foreach (var (field, text) in NarrativeFields())
        {
            if (text.Length > TextMaxLength)
            {
                errors.Add(new RuleViolation(field, new LocalText("This answer must be {0:N0} characters or fewer.", TextMaxLength)));
            }
        }

        errors.AddRange(Financial.Check().Select(v => v with { Field = $"{nameof(Financial)}.{v.Field}" }));
        errors.AddRange(Victims.Check().Select(v => v with { Field = $"{nameof(Victims)}.{v.Field}" }));
        if (Stories.Count > MaximumStories)
        {
            errors.Add(new RuleViolation(nameof(Stories), new LocalText("A report has at most {0} case stories.", MaximumStories)));
        }

        for (var i = 0; i < Stories.Count; i++)
        {
            var story = Stories[i];
            var field = $"{nameof(Stories)}[{i}]";
            if (string.IsNullOrWhiteSpace(story.Text) || story.Text.Trim().Length > StoryMaxLength)
            {
                errors.Add(new RuleViolation(field, new LocalText("Story {0}: write the story in at most {1:N0} characters, or remove it.", i + 1, StoryMaxLength)));
            }

            if (!story.ConsentAttested)
            {
                errors.Add(new RuleViolation(field, new LocalText("Story {0}: attest that the person consented to their story being told.", i + 1)));
            }

            if (!story.DeidentificationAttested)
            {
                errors.Add(new RuleViolation(field, new LocalText("Story {0}: attest that the story was de-identified.", i + 1)));
            }
        }

        return errors;
    }

    /// <summary>The texts screened for personal data: the narrative fields and the case stories.</summary>
    public IEnumerable<(string Field, string? Text)> ScreenedTexts() =>
        NarrativeFields().Select(f => (f.Field, (string?)f.Text))
            .Concat(Stories.Select((s, i) => (Field: $"{nameof(Stories)}[{i}]", Text: (string?)s.Text)));

    private IEnumerable<(string Field, string Text)> NarrativeFields()
    {
        var prefix = nameof(Narrative) + ".";
        yield return (prefix + nameof(NarrativeReport.ResultsAgainstPlan), Narrative.ResultsAgainstPlan ?? string.Empty);
        yield return (prefix + nameof(NarrativeReport.Challenges), Narrative.Challenges ?? string.Empty);
        yield return (prefix + nameof(NarrativeReport.SafetyIncidents), Narrative.SafetyIncidents ?? string.Empty);
        yield return (prefix + nameof(NarrativeReport.Lessons), Narrative.Lessons ?? string.Empty);
    }
}
