using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Calls;

/// <summary>The call form: every parameter of <see cref="CallTerms"/>, as typed.</summary>
public sealed partial class CallInput
{
    public const int MaximumCriteria = 20;

    [Display(Name = "Code")]
    public string? Code { get; set; }

    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Display(Name = "Type of window")]
    public string? WindowType { get; set; }

    [Display(Name = "Description")]
    public string? Description { get; set; }

    [Display(Name = "Time zone")]
    public string? TimeZoneId { get; set; }

    [Display(Name = "Opens at")]
    public string? OpensAt { get; set; }

    [Display(Name = "Closes at")]
    public string? ClosesAt { get; set; }

    [Display(Name = "Deadline for clarification questions (optional)")]
    public string? ClarificationDeadline { get; set; }

    [Display(Name = "Date answers are published (optional)")]
    public string? AnswersPublishedOn { get; set; }

    [Display(Name = "Minimum amount (USD)")]
    public string? MinimumAmount { get; set; }

    [Display(Name = "Maximum amount (USD)")]
    public string? MaximumAmount { get; set; }

    [Display(Name = "Maximum duration (months)")]
    public string? MaximumDurationMonths { get; set; }

    [Display(Name = "Total envelope (USD)")]
    public string? Envelope { get; set; }

    public List<string> EligibleAreas { get; set; } = [];

    public List<string> PriorityForms { get; set; } = [];

    public List<string> AllowedAssistance { get; set; } = [];

    [Display(Name = "Registration cut-off date (optional)")]
    public string? RegistrationCutoff { get; set; }

    [Display(Name = "Minimum years of experience")]
    public string? MinimumYearsOfExperience { get; set; }

    public List<string> AcceptedLanguages { get; set; } = [];

    public List<string> RequiredDocuments { get; set; } = [];

    [Display(Name = "Reviewers per application")]
    public string? ReviewersPerApplication { get; set; }

    [Display(Name = "Instalments (percentages)")]
    public string? TrancheTemplate { get; set; }

    public List<CriterionInput> Criteria { get; set; } = [];

    public bool AllowsSeveralApplicationsPerOrganisation { get; set; }

    /// <summary>Why a published call is amended (required then; sent to the organisations concerned).</summary>
    [Display(Name = "Reason for the amendment")]
    public string? AmendmentReason { get; set; }

    /// <summary>Version of the call the form was filled from (stale-edit check).</summary>
    public Guid? Version { get; set; }

    /// <summary>Which button was pressed: save, add-criterion or remove-criterion-N.</summary>
    public string? Command { get; set; }

    /// <summary>A blank form with the fund's defaults.</summary>
    public static CallInput Defaults() => new()
    {
        WindowType = nameof(Domain.Calls.WindowType.ShortTerm),
        TimeZoneId = "Europe/Vienna",
        MinimumYearsOfExperience = "1",
        ReviewersPerApplication = "3",
        TrancheTemplate = "80, 20",
        AcceptedLanguages = [nameof(ProposalLanguage.English), nameof(ProposalLanguage.French)],
        RequiredDocuments = [nameof(DocumentType.RegistrationCertificate), nameof(DocumentType.AuditedFinancialStatements)],
        Criteria = FromRubric(DefaultRubric.Criteria),
    };

    /// <summary>The form filled from a call's terms.</summary>
    public static CallInput From(CallTerms terms, Guid version) => new()
    {
        Code = terms.Code,
        Title = terms.Title,
        WindowType = terms.WindowType.ToString(),
        Description = terms.Description,
        TimeZoneId = terms.TimeZoneId,
        OpensAt = CallTimes.ForInput(terms.OpensAtUtc, terms.TimeZoneId),
        ClosesAt = CallTimes.ForInput(terms.ClosesAtUtc, terms.TimeZoneId),
        ClarificationDeadline = terms.ClarificationDeadlineUtc is { } c ? CallTimes.ForInput(c, terms.TimeZoneId) : null,
        AnswersPublishedOn = terms.AnswersPublishedOn?.ToString(CallTimes.DateInputFormat, CultureInfo.InvariantCulture),
        MinimumAmount = NumberText.ForInput(terms.MinimumAmount),
        MaximumAmount = NumberText.ForInput(terms.MaximumAmount),
        MaximumDurationMonths = terms.MaximumDurationMonths.ToString(CultureInfo.InvariantCulture),
        Envelope = NumberText.ForInput(terms.Envelope),
        EligibleAreas = [.. terms.EligibleAreas],
        PriorityForms = terms.PriorityForms.Select(f => f.ToString()).ToList(),
        AllowedAssistance = terms.AllowedAssistance.Select(a => a.ToString()).ToList(),
        RegistrationCutoff = terms.RegistrationCutoff?.ToString(CallTimes.DateInputFormat, CultureInfo.InvariantCulture),
        MinimumYearsOfExperience = terms.MinimumYearsOfExperience.ToString(CultureInfo.InvariantCulture),
        AcceptedLanguages = terms.AcceptedLanguages.Select(l => l.ToString()).ToList(),
        RequiredDocuments = terms.RequiredDocuments.Select(d => d.ToString()).ToList(),
        ReviewersPerApplication = terms.ReviewersPerApplication.ToString(CultureInfo.InvariantCulture),
        TrancheTemplate = string.Join(", ", terms.TrancheTemplate),
        Criteria = FromRubric(terms.Rubric),
        AllowsSeveralApplicationsPerOrganisation = terms.AllowsSeveralApplicationsPerOrganisation,
        Version = version,
    };

    /// <summary>Reads "40, 40, 20" (commas, semicolons, slashes or spaces between numbers).</summary>
    public static bool TryReadTranches(string? text, out List<int> percentages)
    {
        percentages = [];
        var parts = (text ?? string.Empty).Split([',', ';', '/', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            if (!int.TryParse(part.TrimEnd('%'), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            percentages.Add(value);
        }

        return percentages.Count > 0;
    }

    /// <summary>
    /// Adds or removes a rubric row when the add or a remove button was pressed (the form's buttons work
    /// without JavaScript); says whether one was.
    /// </summary>
    public bool ApplyRubricCommand()
    {
        if (Command == "add-criterion")
        {
            if (Criteria.Count < MaximumCriteria)
            {
                Criteria.Add(new CriterionInput());
            }

            return true;
        }

        if (Command is not null && RemoveCriterionCommand().Match(Command) is { Success: true } match)
        {
            if (int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < Criteria.Count && Criteria.Count > 1)
            {
                Criteria.RemoveAt(index);
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// The terms the (shape-valid) form describes, or null with an error for each time that does not
    /// exist in the chosen zone (clocks going forward). The rules the terms must meet are the call's.
    /// </summary>
    public CallTerms? ToTerms(Action<string, string> addError, IStringLocalizer text)
    {
        var zone = CallTimes.FindZone(TimeZoneId) ?? TimeZoneInfo.Utc;
        var valid = true;
        DateTime? Instant(string? value, string field)
        {
            if (!CallTimes.TryReadLocal(value, out var local))
            {
                return null;
            }

            if (CallTimes.TryToUtc(local, zone, out var utc))
            {
                return utc;
            }

            valid = false;
            addError(field, text["{0} does not exist in {1}: the clocks go forward at that time. Choose another time.", local.ToString("d MMMM yyyy HH:mm", CultureInfo.CurrentCulture), zone.Id]);
            return null;
        }

        static decimal Amount(string? value) => NumberText.TryReadAmount(value, out var amount) == NumberReading.Valid ? amount : 0m;
        static int Whole(string? value) => int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : 0;
        static DateOnly? Date(string? value) => CallTimes.TryReadDate(value, out var date) ? date : null;
        static List<TEnum> Enums<TEnum>(IEnumerable<string> values)
            where TEnum : struct, Enum => values.Select(Enum.Parse<TEnum>).Distinct().ToList();

        var opens = Instant(OpensAt, nameof(OpensAt));
        var closes = Instant(ClosesAt, nameof(ClosesAt));
        var clarification = Instant(ClarificationDeadline, nameof(ClarificationDeadline));
        TryReadTranches(TrancheTemplate, out var tranches);
        if (!valid || opens is null || closes is null)
        {
            return null;
        }

        return new CallTerms
        {
            Code = Code?.Trim() ?? string.Empty,
            Title = Title?.Trim() ?? string.Empty,
            WindowType = Enum.Parse<WindowType>(WindowType!),
            Description = Description?.Trim() ?? string.Empty,
            OpensAtUtc = opens.Value,
            ClosesAtUtc = closes.Value,
            TimeZoneId = zone.Id,
            ClarificationDeadlineUtc = clarification,
            AnswersPublishedOn = Date(AnswersPublishedOn),
            MinimumAmount = Amount(MinimumAmount),
            MaximumAmount = Amount(MaximumAmount),
            MaximumDurationMonths = Whole(MaximumDurationMonths),
            Envelope = Amount(Envelope),
            EligibleAreas = EligibleAreas.Distinct(StringComparer.Ordinal).ToList(),
            PriorityForms = Enums<ExploitationForm>(PriorityForms),
            AllowedAssistance = Enums<AssistanceType>(AllowedAssistance),
            RegistrationCutoff = Date(RegistrationCutoff),
            MinimumYearsOfExperience = Whole(MinimumYearsOfExperience),
            AcceptedLanguages = Enums<ProposalLanguage>(AcceptedLanguages),
            RequiredDocuments = Enums<DocumentType>(RequiredDocuments),
            ReviewersPerApplication = Whole(ReviewersPerApplication),
            TrancheTemplate = tranches,
            Rubric = ReadRubric(Criteria),
            AllowsSeveralApplicationsPerOrganisation = AllowsSeveralApplicationsPerOrganisation,
        };
    }

    /// <summary>
    /// The terms with the review settings this form does not show (days to review, disagreement
    /// threshold, minimum score, whether reviewers see each other's reviews, ranking basis, score scale)
    /// taken from the call as it stands, so an amendment never resets what the review settings page set.
    /// </summary>
    public static CallTerms KeepingReviewSettings(CallTerms terms, CallTerms current) => terms with
    {
        ScoreScaleMaximum = current.ScoreScaleMaximum,
        ReviewDays = current.ReviewDays,
        DisagreementThreshold = current.DisagreementThreshold,
        MinimumScore = current.MinimumScore,
        ReviewersSeeOtherReviews = current.ReviewersSeeOtherReviews,
        RankBy = current.RankBy,
    };

    /// <summary>The form's field for a term's name (or a rubric problem).</summary>
    public static string FieldFor(string term) => term switch
    {
        nameof(CallTerms.OpensAtUtc) => nameof(OpensAt),
        nameof(CallTerms.ClosesAtUtc) => nameof(ClosesAt),
        nameof(CallTerms.ClarificationDeadlineUtc) => nameof(ClarificationDeadline),
        nameof(CallTerms.Rubric) => nameof(Criteria),
        nameof(CallAmendment.Reason) => nameof(AmendmentReason),
        _ => term,
    };

    [GeneratedRegex("^remove-criterion-(\\d+)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex RemoveCriterionCommand();

    // A missing or repeated key gets one the rubric does not use yet.
    private static List<RubricCriterion> ReadRubric(List<CriterionInput> rows)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rubric = new List<RubricCriterion>();
        for (var i = 0; i < rows.Count; i++)
        {
            var key = rows[i].Key?.Trim();
            if (string.IsNullOrEmpty(key) || used.Contains(key))
            {
                var n = i + 1;
                do
                {
                    key = string.Create(CultureInfo.InvariantCulture, $"criterion-{n++}");
                }
                while (used.Contains(key) || rows.Any(r => r.Key == key));
            }

            used.Add(key);
            rubric.Add(new RubricCriterion(key, rows[i].Name?.Trim() ?? string.Empty, int.Parse(rows[i].Weight!, NumberStyles.None, CultureInfo.InvariantCulture)));
        }

        return rubric;
    }

    private static List<CriterionInput> FromRubric(IEnumerable<RubricCriterion> rubric) =>
        rubric.Select(c => new CriterionInput { Key = c.Key, Name = c.Name, Weight = c.Weight.ToString(CultureInfo.InvariantCulture) }).ToList();

    /// <summary>
    /// What the form's values must be for the terms to be read at all (dates, numbers, list choices);
    /// what the terms must then meet is checked once, by the call itself.
    /// </summary>
    public sealed class Validator : AbstractValidator<CallInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.WindowType).Must(v => Enum.TryParse<WindowType>(v, out var w) && Enum.IsDefined(w) && !int.TryParse(v, out _))
                .WithMessage(_ => text["Choose the type of window."]);
            RuleFor(x => x.TimeZoneId).Must(v => CallTimes.FindZone(v) is not null)
                .WithMessage(_ => text["Choose a time zone from the list."]);
            RuleFor(x => x.OpensAt).Must(v => CallTimes.TryReadLocal(v, out _))
                .WithMessage(_ => text["Enter the opening date and time, such as 2026-01-15 09:00."]);
            RuleFor(x => x.ClosesAt).Must(v => CallTimes.TryReadLocal(v, out _))
                .WithMessage(_ => text["Enter the closing date and time, such as 2026-02-28 23:59."]);
            RuleFor(x => x.ClarificationDeadline).Must(v => string.IsNullOrWhiteSpace(v) || CallTimes.TryReadLocal(v, out _))
                .WithMessage(_ => text["Enter the clarification deadline as a date and time, such as 2026-02-10 23:59, or leave it empty."]);
            RuleFor(x => x.AnswersPublishedOn).Must(v => string.IsNullOrWhiteSpace(v) || CallTimes.TryReadDate(v, out _))
                .WithMessage(_ => text["Enter the date answers are published, such as 2026-02-15, or leave it empty."]);
            RuleFor(x => x.RegistrationCutoff).Must(v => string.IsNullOrWhiteSpace(v) || CallTimes.TryReadDate(v, out _))
                .WithMessage(_ => text["Enter the registration cut-off as a date, such as 2024-12-31, or leave it empty."]);
            Amount(RuleFor(x => x.MinimumAmount), text, "minimum amount");
            Amount(RuleFor(x => x.MaximumAmount), text, "maximum amount");
            Amount(RuleFor(x => x.Envelope), text, "total envelope");
            Whole(RuleFor(x => x.MaximumDurationMonths), () => text["Enter the maximum duration as a whole number of months, such as 9."]);
            Whole(RuleFor(x => x.MinimumYearsOfExperience), () => text["Enter the minimum years of experience as a whole number, such as 1."]);
            Whole(RuleFor(x => x.ReviewersPerApplication), () => text["Enter how many reviewers score each application, such as 2."]);
            RuleFor(x => x.TrancheTemplate).Must(v => TryReadTranches(v, out _))
                .WithMessage(_ => text["Enter the instalment percentages separated by commas, such as 40, 40, 20."]);
            RuleFor(x => x.EligibleAreas).Must(list => list.All(c => UnM49.ByCode(c) is not null))
                .WithMessage(_ => text["Choose eligible regions and countries from the list."]);
            RuleFor(x => x.PriorityForms).Must(OnlyNamesOf<ExploitationForm>).WithMessage(_ => text["Choose forms of exploitation from the list."]);
            RuleFor(x => x.AllowedAssistance).Must(OnlyNamesOf<AssistanceType>).WithMessage(_ => text["Choose assistance types from the list."]);
            RuleFor(x => x.AcceptedLanguages).Must(OnlyNamesOf<ProposalLanguage>).WithMessage(_ => text["Choose languages from the list."]);
            RuleFor(x => x.RequiredDocuments).Must(OnlyNamesOf<DocumentType>).WithMessage(_ => text["Choose required documents from the list."]);
            RuleFor(x => x.Criteria).Must(c => c.Count <= MaximumCriteria).WithMessage(_ => text["A rubric has at most {0} criteria.", MaximumCriteria]);
            RuleForEach(x => x.Criteria).ChildRules(row =>
            {
                row.RuleFor(r => r.Weight).Must(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    .WithMessage(_ => text["Enter the weight as a whole number, such as 15."]);
                row.RuleFor(r => r.Key).MaximumLength(60).Matches("^[a-z0-9-]*$").WithMessage(_ => text["The criterion's key is not valid."]);
            });
        }

        private static bool OnlyNamesOf<TEnum>(List<string> values)
            where TEnum : struct, Enum =>
            values.All(v => Enum.TryParse<TEnum>(v, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(v, out _));

        private static void Amount(IRuleBuilderInitial<CallInput, string?> rule, IStringLocalizer<SharedResource> text, string label) =>
            rule.Custom((value, context) =>
            {
                var reading = NumberText.TryReadAmount(value, out _);
                var message = reading == NumberReading.Empty
                    ? text["Enter the {0} in US dollars, like {1}.", text[label], NumberText.Example()].Value
                    : NumberText.AmountProblem(reading, text[label], value, text);
                if (message is not null)
                {
                    context.AddFailure(message);
                }
            });

        private static void Whole(IRuleBuilderInitial<CallInput, string?> rule, Func<string> message) =>
            rule.Must(v => int.TryParse(v?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)).WithMessage(_ => message());
    }
}
