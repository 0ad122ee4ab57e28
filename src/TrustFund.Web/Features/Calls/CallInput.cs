using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;

namespace TrustFund.Web.Features.Calls;

/// <summary>The call form: every parameter of <see cref="CallTerms"/>, as typed.</summary>
public sealed class CallInput
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
        ReviewersPerApplication = "2",
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
        MinimumAmount = UsdAmounts.ForForm(terms.MinimumAmount),
        MaximumAmount = UsdAmounts.ForForm(terms.MaximumAmount),
        MaximumDurationMonths = terms.MaximumDurationMonths.ToString(CultureInfo.InvariantCulture),
        Envelope = UsdAmounts.ForForm(terms.Envelope),
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

    private static List<CriterionInput> FromRubric(IEnumerable<RubricCriterion> rubric) =>
        rubric.Select(c => new CriterionInput { Key = c.Key, Name = c.Name, Weight = c.Weight.ToString(CultureInfo.InvariantCulture) }).ToList();

    public sealed class Validator : AbstractValidator<CallInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Code).NotEmpty().WithMessage(_ => text["Enter a code for the call, such as ST or 2026-MT."])
                .MaximumLength(Call.CodeMaxLength).WithMessage(_ => text["The code must be {0} characters or fewer.", Call.CodeMaxLength])
                .Matches("^[A-Za-z0-9-]+$").WithMessage(_ => text["The code can only contain letters, digits and hyphens."]);
            RuleFor(x => x.Title).NotEmpty().WithMessage(_ => text["Enter a title for the call."])
                .MaximumLength(Call.TitleMaxLength).WithMessage(x => text["The title must be {0} characters or fewer; it has {1}.", Call.TitleMaxLength, x.Title!.Length]);
            RuleFor(x => x.WindowType).Must(v => Enum.TryParse<WindowType>(v, out var w) && Enum.IsDefined(w))
                .WithMessage(_ => text["Choose the type of window."]);
            RuleFor(x => x.Description).MaximumLength(Call.DescriptionMaxLength)
                .WithMessage(_ => text["The description must be {0:N0} characters or fewer.", Call.DescriptionMaxLength]);
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
            RuleFor(x => x.AcceptedLanguages).NotEmpty().WithMessage(_ => text["Choose at least one language proposals may be written in."])
                .Must(OnlyNamesOf<ProposalLanguage>).WithMessage(_ => text["Choose languages from the list."]);
            RuleFor(x => x.RequiredDocuments).Must(OnlyNamesOf<DocumentType>).WithMessage(_ => text["Choose required documents from the list."]);
            RuleFor(x => x.Criteria).NotEmpty().WithMessage(_ => text["The rubric needs at least one criterion."])
                .Must(c => c.Count <= MaximumCriteria).WithMessage(_ => text["A rubric has at most {0} criteria.", MaximumCriteria]);
            RuleForEach(x => x.Criteria).ChildRules(row =>
            {
                row.RuleFor(r => r.Name).NotEmpty().WithMessage(_ => text["Enter the name of the criterion."])
                    .MaximumLength(200).WithMessage(_ => text["The name of a criterion must be 200 characters or fewer."]);
                row.RuleFor(r => r.Weight).Must(w => int.TryParse(w, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 100)
                    .WithMessage(_ => text["Enter a weight from 1 to 100."]);
                row.RuleFor(r => r.Key).MaximumLength(60).Matches("^[a-z0-9-]*$").WithMessage(_ => text["The criterion's key is not valid."]);
            });
        }

        private static bool OnlyNamesOf<TEnum>(List<string> values)
            where TEnum : struct, Enum =>
            values.All(v => Enum.TryParse<TEnum>(v, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(v, out _));

        private static void Amount(IRuleBuilderInitial<CallInput, string?> rule, IStringLocalizer<SharedResource> text, string label) =>
            rule.Custom((value, context) =>
            {
                var message = UsdAmounts.TryRead(value, out _) switch
                {
                    UsdAmounts.Reading.Valid => null,
                    UsdAmounts.Reading.Negative => text["The {0} cannot be negative.", text[label]].Value,
                    UsdAmounts.Reading.TooManyDecimals => text["Enter the {0} with at most two decimals (cents), such as 5000.50.", text[label]].Value,
                    UsdAmounts.Reading.TooLarge => text["The {0} is too large.", text[label]].Value,
                    _ => text["Enter the {0} in US dollars, such as 20000 or 20,000.00.", text[label]].Value,
                };
                if (message is not null)
                {
                    context.AddFailure(message);
                }
            });

        private static void Whole(IRuleBuilderInitial<CallInput, string?> rule, Func<string> message) =>
            rule.Must(v => int.TryParse(v?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)).WithMessage(_ => message());
    }
}
