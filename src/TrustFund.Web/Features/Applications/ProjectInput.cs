using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;

namespace TrustFund.Web.Features.Applications;

/// <summary>The project section: what, where, when, how long and how much.</summary>
public sealed class ProjectInput : SectionInput
{
    [Display(Name = "Project title")]
    public string? Title { get; set; }

    [Display(Name = "Language of the proposal")]
    public string? Language { get; set; }

    [Display(Name = "Implementing countries")]
    public List<string> Countries { get; set; } = [];

    [Display(Name = "Locations (cities, districts or provinces)")]
    public string? Locations { get; set; }

    [Display(Name = "Start date")]
    public string? StartDate { get; set; }

    [Display(Name = "Duration in months")]
    public string? DurationMonths { get; set; }

    [Display(Name = "Amount requested (USD)")]
    public string? AmountRequested { get; set; }

    [Display(Name = "Total project cost (USD)")]
    public string? TotalProjectCost { get; set; }

    [Display(Name = "Funding from other sources (USD)")]
    public string? OtherFunding { get; set; }

    [Display(Name = "Context and needs")]
    public string? ContextAndNeeds { get; set; }

    [Display(Name = "Objectives, outputs, activities and indicators")]
    public string? ObjectivesAndActivities { get; set; }

    [Display(Name = "Monitoring and evaluation")]
    public string? Monitoring { get; set; }

    [Display(Name = "Sustainability")]
    public string? Sustainability { get; set; }

    [Display(Name = "Risks and how you will reduce them")]
    public string? RisksAndMitigation { get; set; }

    public static ProjectInput From(GrantApplication application)
    {
        var c = application.Content;
        return new ProjectInput
        {
            Version = application.Version,
            Title = c.Title,
            Language = c.Language?.ToString(),
            Countries = [.. c.Countries],
            Locations = c.Locations,
            StartDate = FormValues.ForInput(c.StartDate),
            DurationMonths = FormValues.ForInput(c.DurationMonths),
            AmountRequested = FormValues.ForInput(c.AmountRequested),
            TotalProjectCost = FormValues.ForInput(c.TotalProjectCost),
            OtherFunding = FormValues.ForInput(c.OtherFunding),
            ContextAndNeeds = c.ContextAndNeeds,
            ObjectivesAndActivities = c.ObjectivesAndActivities,
            Monitoring = c.Monitoring,
            Sustainability = c.Sustainability,
            RisksAndMitigation = c.RisksAndMitigation,
        };
    }

    /// <summary>The content with this section replaced (the input has passed validation).</summary>
    public ProposalContent ApplyTo(ProposalContent content) => content with
    {
        Title = Title?.Trim() ?? string.Empty,
        Language = Enum.TryParse<ProposalLanguage>(Language, out var language) && Enum.IsDefined(language) ? language : null,
        Countries = Countries.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList(),
        Locations = Locations?.Trim() ?? string.Empty,
        StartDate = FormValues.DateOrNull(StartDate),
        DurationMonths = FormValues.WholeNumberOrNull(DurationMonths),
        AmountRequested = FormValues.DecimalOrNull(AmountRequested),
        TotalProjectCost = FormValues.DecimalOrNull(TotalProjectCost),
        OtherFunding = FormValues.DecimalOrNull(OtherFunding),
        ContextAndNeeds = ContextAndNeeds?.Trim() ?? string.Empty,
        ObjectivesAndActivities = ObjectivesAndActivities?.Trim() ?? string.Empty,
        Monitoring = Monitoring?.Trim() ?? string.Empty,
        Sustainability = Sustainability?.Trim() ?? string.Empty,
        RisksAndMitigation = RisksAndMitigation?.Trim() ?? string.Empty,
    };

    public sealed class Validator : AbstractValidator<ProjectInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Title).MaximumLength(GrantApplication.TitleMaxLength)
                .WithMessage(x => text["The project title must be {0} characters or fewer (you wrote {1:N0}).", GrantApplication.TitleMaxLength, x.Title!.Length]);
            RuleFor(x => x.Language).Must(l => string.IsNullOrEmpty(l) || (Enum.TryParse<ProposalLanguage>(l, out var v) && Enum.IsDefined(v)))
                .WithMessage(_ => text["Choose a language from the list."]);
            RuleFor(x => x.Countries).Must(c => c.Count <= 250).WithMessage(_ => text["Choose at most 250 countries."]);
            RuleForEach(x => x.Countries).Must(c => string.IsNullOrWhiteSpace(c) || UnM49.IsCountry(c.Trim().ToUpperInvariant()))
                .WithMessage(_ => text["Choose countries from the list."])
                .OverridePropertyName(nameof(Countries));
            RuleFor(x => x.StartDate).Must(d => FormValues.IsBlank(d) || FormValues.TryParseDate(d, out _))
                .WithMessage(_ => text["Enter the start date as a real date, such as 2026-09-01."]);
            RuleFor(x => x.DurationMonths).Custom((value, context) => Report(context, nameof(DurationMonths),
                FieldChecks.WholeNumber(value, text["Enter the duration as a whole number of months, such as 24."], 1, 120)));
            RuleFor(x => x.AmountRequested).Custom((value, context) => Report(context, nameof(AmountRequested),
                FieldChecks.Amount(value, text["amount requested"], allowZero: false, text)));
            RuleFor(x => x.TotalProjectCost).Custom((value, context) => Report(context, nameof(TotalProjectCost),
                FieldChecks.Amount(value, text["total project cost"], allowZero: false, text)));
            RuleFor(x => x.OtherFunding).Custom((value, context) => Report(context, nameof(OtherFunding),
                FieldChecks.Amount(value, text["funding from other sources"], allowZero: true, text)));
            RuleFor(x => x.Locations).Custom((value, context) => Report(context, nameof(Locations), FieldChecks.MaxLength(value, GrantApplication.ShortTextMaxLength, text)));
            foreach (var (name, selector) in new (string, Func<ProjectInput, string?>)[]
            {
                (nameof(ContextAndNeeds), x => x.ContextAndNeeds), (nameof(ObjectivesAndActivities), x => x.ObjectivesAndActivities),
                (nameof(Monitoring), x => x.Monitoring), (nameof(Sustainability), x => x.Sustainability),
                (nameof(RisksAndMitigation), x => x.RisksAndMitigation),
            })
            {
                RuleFor(x => x).Custom((input, context) => Report(context, name, FieldChecks.MaxLength(selector(input), GrantApplication.LongTextMaxLength, text)));
            }
        }

        internal static void Report<T>(ValidationContext<T> context, string field, string? message)
        {
            if (message is not null)
            {
                context.AddFailure(field, message);
            }
        }
    }
}
