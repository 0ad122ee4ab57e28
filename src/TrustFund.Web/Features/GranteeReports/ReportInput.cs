using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Places;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.GranteeReports;

/// <summary>
/// The report form, named as the report's content is (<c>Narrative.Challenges</c>,
/// <c>Financial.Lines[2].Actual</c>, <c>Victims.BySexAndAge[Female_Age18To24]</c>, <c>Stories[0].Text</c>),
/// so a rule the report breaks points at its field. Numbers arrive as typed and are read by
/// <see cref="NumberText"/>; rows left entirely blank (the spare ones) are not part of the report.
/// </summary>
public sealed class ReportInput
{
    public const string SaveDraft = "save";
    public const string Check = "check";
    public const string Submit = "submit";

    /// <summary>Blank rows offered for budget lines and nationalities, and for stories (up to the maximum).</summary>
    public const int SpareRows = 3;

    /// <summary>The report's version when the form was shown.</summary>
    public Guid? Version { get; set; }

    public NarrativeInput Narrative { get; set; } = new();

    public FinancialInput Financial { get; set; } = new();

    public VictimsInput Victims { get; set; } = new();

    public List<StoryInput> Stories { get; set; } = [];

    /// <summary>The submitter attests that text flagged as possible personal data is not about a victim.</summary>
    public bool AttestsNotAboutVictim { get; set; }

    /// <summary><see cref="SaveDraft"/>, <see cref="Check"/> or <see cref="Submit"/>: the button pressed.</summary>
    public string? Intent { get; set; }

    /// <summary>The form rows of the budget lines kept in the report, in the report's order.</summary>
    public List<int> LineRows { get; } = [];

    /// <summary>The form rows of the stories kept in the report, in the report's order.</summary>
    public List<int> StoryRows { get; } = [];

    public static string CellKey(Sex sex, AgeBand band) => $"{sex}_{band}";

    /// <summary>The form filled in with <paramref name="content"/>, plus spare rows; <paramref name="blankActuals"/> leaves the amounts spent empty (a first report starts from the budget).</summary>
    public static ReportInput From(ReportContent content, Guid version, bool blankActuals)
    {
        var input = new ReportInput
        {
            Version = version,
            Narrative = new NarrativeInput
            {
                ResultsAgainstPlan = content.Narrative.ResultsAgainstPlan,
                Challenges = content.Narrative.Challenges,
                SafetyIncidents = content.Narrative.SafetyIncidents,
                Lessons = content.Narrative.Lessons,
            },
            Financial = new FinancialInput
            {
                Lines = [.. content.Financial.Lines.Select(l => new LineInput
                {
                    Description = l.Description,
                    Budget = NumberText.ForInput(l.Budget.Amount),
                    Actual = blankActuals ? null : NumberText.ForInput(l.Actual.Amount),
                })],
                FundsReceived = NumberText.ForInput(content.Financial.FundsReceived.Amount),
            },
            Victims = VictimsInput.From(content.Victims),
            Stories = [.. content.Stories.Select(s => new StoryInput { Text = s.Text, ConsentAttested = s.ConsentAttested, DeidentificationAttested = s.DeidentificationAttested })],
        };
        return input.WithSpareRows();
    }

    /// <summary>Adds the blank rows a form without script needs to add a line, a nationality or a story.</summary>
    public ReportInput WithSpareRows()
    {
        var lines = Math.Min(FinancialReport.MaximumLines, Financial.Lines.Count(l => !l.IsBlank) + SpareRows);
        while (Financial.Lines.Count < lines)
        {
            Financial.Lines.Add(new LineInput());
        }

        while (Victims.ByNationality.Count < Victims.ByNationality.Count(n => !n.IsBlank) + SpareRows)
        {
            Victims.ByNationality.Add(new NationalityInput());
        }

        var stories = Math.Min(ReportContent.MaximumStories, Stories.Count(s => !s.IsBlank) + 1);
        while (Stories.Count < stories)
        {
            Stories.Add(new StoryInput());
        }

        return this;
    }

    /// <summary>The report's content from a form that passed <see cref="Validator"/> (numbers read, blank rows left out).</summary>
    public ReportContent ToContent()
    {
        LineRows.Clear();
        StoryRows.Clear();
        var lines = new List<FinancialLine>();
        for (var row = 0; row < Financial.Lines.Count; row++)
        {
            var line = Financial.Lines[row];
            if (line.IsBlank)
            {
                continue;
            }

            LineRows.Add(row);
            lines.Add(new FinancialLine(line.Description?.Trim() ?? string.Empty, Amount(line.Budget), Amount(line.Actual)));
        }

        var stories = new List<CaseStory>();
        for (var row = 0; row < Stories.Count; row++)
        {
            var story = Stories[row];
            if (story.IsBlank)
            {
                continue;
            }

            StoryRows.Add(row);
            stories.Add(new CaseStory(story.Text?.Trim() ?? string.Empty, story.ConsentAttested, story.DeidentificationAttested));
        }

        return new ReportContent
        {
            Narrative = new NarrativeReport(Text(Narrative.ResultsAgainstPlan), Text(Narrative.Challenges), Text(Narrative.SafetyIncidents), Text(Narrative.Lessons)),
            Financial = new FinancialReport(lines, Amount(Financial.FundsReceived)),
            Victims = Victims.ToCounts(),
            Stories = stories,
        };
    }

    /// <summary>The form's name for a field a report rule names ("Financial.Lines[0]" is the first kept line's row).</summary>
    public string FieldOf(string field)
    {
        const string Lines = "Financial.Lines[";
        const string StoriesPrefix = "Stories[";
        if (field.StartsWith(Lines, StringComparison.Ordinal) && Index(field, Lines) is { } line && line < LineRows.Count)
        {
            return $"Financial.Lines[{LineRows[line]}].Description";
        }

        if (field.StartsWith(StoriesPrefix, StringComparison.Ordinal) && Index(field, StoriesPrefix) is { } story && story < StoryRows.Count)
        {
            return $"Stories[{StoryRows[story]}].Text";
        }

        return field;
    }

    private static int? Index(string field, string prefix)
    {
        var end = field.IndexOf(']', prefix.Length);
        return end > prefix.Length && int.TryParse(field.AsSpan(prefix.Length, end - prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;
    }

    private static string Text(string? text) => text?.Trim() ?? string.Empty;

    internal static Money Amount(string? text) =>
        NumberText.TryReadAmount(text, out var amount) == NumberReading.Valid ? Money.Usd(amount) : Money.Zero;

    internal static int Count(string? text) =>
        NumberText.TryReadWhole(text, VictimCounts.MaximumCount, out var count) == NumberReading.Valid ? count : 0;

    /// <summary>Shape checks: every number readable (amounts in dollars and cents, counts whole and not negative), texts within length, a known nationality.</summary>
    public sealed class Validator : AbstractValidator<ReportInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Intent).Must(i => i is SaveDraft or Check or Submit)
                .WithMessage(_ => text["Choose whether to save a draft, check or submit the report."]);
            RuleFor(x => x).Custom((input, context) =>
            {
                void Fail(string field, string? message)
                {
                    if (message is not null)
                    {
                        context.AddFailure(field, message);
                    }
                }

                Fail("Narrative.ResultsAgainstPlan", Long(input.Narrative.ResultsAgainstPlan, ReportContent.TextMaxLength));
                Fail("Narrative.Challenges", Long(input.Narrative.Challenges, ReportContent.TextMaxLength));
                Fail("Narrative.SafetyIncidents", Long(input.Narrative.SafetyIncidents, ReportContent.TextMaxLength));
                Fail("Narrative.Lessons", Long(input.Narrative.Lessons, ReportContent.TextMaxLength));
                if (input.Financial.Lines.Count > FinancialReport.MaximumLines + SpareRows)
                {
                    context.AddFailure("Financial.Lines", text.GetString("A financial report has at most {0} lines.", FinancialReport.MaximumLines).Value);
                }

                for (var i = 0; i < input.Financial.Lines.Count && i < FinancialReport.MaximumLines + SpareRows; i++)
                {
                    var line = input.Financial.Lines[i];
                    if (line.IsBlank)
                    {
                        continue;
                    }

                    Fail($"Financial.Lines[{i}].Description", Long(line.Description, FinancialLine.DescriptionMaxLength));
                    Fail($"Financial.Lines[{i}].Budget", AmountProblem(line.Budget, text.GetString("budget of line {0}", i + 1).Value, required: false));
                    Fail($"Financial.Lines[{i}].Actual", AmountProblem(line.Actual, text.GetString("amount spent on line {0}", i + 1).Value, required: input.Intent != SaveDraft));
                }

                Fail("Financial.FundsReceived", AmountProblem(input.Financial.FundsReceived, text["funds received"].Value, required: false));
                foreach (var sex in Enum.GetValues<Sex>())
                {
                    foreach (var band in Enum.GetValues<AgeBand>())
                    {
                        Fail($"Victims.BySexAndAge[{CellKey(sex, band)}]", CountProblem(input.Victims.BySexAndAge.GetValueOrDefault(CellKey(sex, band))));
                    }
                }

                foreach (var form in Enum.GetValues<ExploitationForm>())
                {
                    Fail($"Victims.ByExploitationForm[{form}]", CountProblem(input.Victims.ByExploitationForm.GetValueOrDefault(form.ToString())));
                }

                foreach (var type in Enum.GetValues<AssistanceType>())
                {
                    Fail($"Victims.ByAssistanceType[{type}]", CountProblem(input.Victims.ByAssistanceType.GetValueOrDefault(type.ToString())));
                }

                for (var i = 0; i < input.Victims.ByNationality.Count; i++)
                {
                    var row = input.Victims.ByNationality[i];
                    if (row.IsBlank)
                    {
                        continue;
                    }

                    if (UnM49.ByCode(row.Country?.Trim()) is not { Type: PlaceType.Country })
                    {
                        context.AddFailure($"Victims.ByNationality[{i}].Country", text["Choose the nationality from the list."]);
                    }

                    Fail($"Victims.ByNationality[{i}].Count", CountProblem(row.Count));
                }

                Fail("Victims.Stateless", CountProblem(input.Victims.Stateless));
                Fail("Victims.NationalityUnknown", CountProblem(input.Victims.NationalityUnknown));
                Fail("Victims.UniquePersons", CountProblem(input.Victims.UniquePersons));
                Fail("Victims.NewPersons", CountProblem(input.Victims.NewPersons));
                Fail("Victims.ContinuingPersons", CountProblem(input.Victims.ContinuingPersons));
                if (input.Stories.Count > ReportContent.MaximumStories + 1)
                {
                    context.AddFailure("Stories", text.GetString("A report has at most {0} case stories.", ReportContent.MaximumStories).Value);
                }

                for (var i = 0; i < input.Stories.Count && i <= ReportContent.MaximumStories; i++)
                {
                    Fail($"Stories[{i}].Text", Long(input.Stories[i].Text, ReportContent.StoryMaxLength));
                }
            });

            string? Long(string? value, int maximum) =>
                value is not null && value.Length > maximum
                    ? text.GetString("This answer must be {0:N0} characters or fewer (you wrote {1:N0}).", maximum, value.Length).Value
                    : null;

            string? AmountProblem(string? value, string label, bool required)
            {
                var reading = NumberText.TryReadAmount(value, out _);
                return reading switch
                {
                    NumberReading.Valid => null,
                    NumberReading.Empty => required ? text.GetString("Enter the {0} in US dollars (0 if nothing).", label).Value : null,
                    NumberReading.Ambiguous or NumberReading.NotANumber => text.GetString("Enter the {0} as a number in US dollars, such as 15000 or 15000.50.", label).Value,
                    NumberReading.Negative => text.GetString("The {0} cannot be negative.", label).Value,
                    NumberReading.TooManyDecimals => text.GetString("Enter the {0} with at most two decimals (cents), such as 15000.50.", label).Value,
                    NumberReading.TooLarge => text.GetString("The {0} is too large.", label).Value,
                };
            }

            string? CountProblem(string? value) => NumberText.TryReadWhole(value, VictimCounts.MaximumCount, out _) switch
            {
                NumberReading.Valid or NumberReading.Empty => null,
                NumberReading.Negative => text["A count of persons cannot be negative."].Value,
                NumberReading.TooManyDecimals => text["A count of persons is a whole number, without decimals."].Value,
                NumberReading.TooLarge => text.GetString("A count of persons is at most {0:N0}.", VictimCounts.MaximumCount).Value,
                _ => text["Enter the number of persons as a whole number, 0 or more, such as 25."].Value,
            };
        }
    }
}

/// <summary>The narrative part of the form.</summary>
public sealed class NarrativeInput
{
    public string? ResultsAgainstPlan { get; set; }

    public string? Challenges { get; set; }

    public string? SafetyIncidents { get; set; }

    public string? Lessons { get; set; }
}

/// <summary>The financial part of the form: one row per budget line, and the funds received.</summary>
public sealed class FinancialInput
{
    public List<LineInput> Lines { get; set; } = [];

    public string? FundsReceived { get; set; }
}

/// <summary>One budget line as typed.</summary>
public sealed class LineInput
{
    public string? Description { get; set; }

    public string? Budget { get; set; }

    public string? Actual { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Description) && string.IsNullOrWhiteSpace(Budget) && string.IsNullOrWhiteSpace(Actual);
}

/// <summary>A nationality (UN M49 country code) and its count, as typed.</summary>
public sealed class NationalityInput
{
    public string? Country { get; set; }

    public string? Count { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Country) && string.IsNullOrWhiteSpace(Count);
}

/// <summary>An anonymised case story and its two attestations.</summary>
public sealed class StoryInput
{
    public string? Text { get; set; }

    public bool ConsentAttested { get; set; }

    public bool DeidentificationAttested { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Text) && !ConsentAttested && !DeidentificationAttested;
}
