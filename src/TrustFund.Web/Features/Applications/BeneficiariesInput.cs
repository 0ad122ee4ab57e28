using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Applications;

/// <summary>Beneficiaries (aggregated counts by sex and age band, never identities) and the forms of exploitation addressed.</summary>
public sealed class BeneficiariesInput : SectionInput
{
    public const int MaximumCount = 10_000_000;

    /// <summary>Counts keyed by <see cref="Key"/>.</summary>
    public Dictionary<string, string?> Counts { get; set; } = [];

    public List<string> ExploitationForms { get; set; } = [];

    public List<string> PrioritySituations { get; set; } = [];

    public List<string> UnderservedGroups { get; set; } = [];

    [Display(Name = "Referral partners")]
    public string? ReferralPartners { get; set; }

    [Display(Name = "Your victim-centred, trauma-informed and do-no-harm approach")]
    public string? SafeguardingApproach { get; set; }

    public static string Key(Sex sex, AgeBand band) => $"{sex}_{band}";

    public static string CountField(Sex sex, AgeBand band) => $"{nameof(Counts)}[{Key(sex, band)}]";

    public static BeneficiariesInput From(GrantApplication application)
    {
        var c = application.Content;
        return new BeneficiariesInput
        {
            Version = application.Version,
            Counts = c.Beneficiaries.ToDictionary(b => Key(b.Sex, b.AgeBand), b => (string?)FormValues.ForInput(b.Count)),
            ExploitationForms = c.ExploitationForms.Select(f => f.ToString()).ToList(),
            PrioritySituations = c.PrioritySituations.Select(f => f.ToString()).ToList(),
            UnderservedGroups = c.UnderservedGroups.Select(f => f.ToString()).ToList(),
            ReferralPartners = c.ReferralPartners,
            SafeguardingApproach = c.SafeguardingApproach,
        };
    }

    public ProposalContent ApplyTo(ProposalContent content)
    {
        var targets = new List<BeneficiaryTarget>();
        foreach (var sex in Enum.GetValues<Sex>())
        {
            foreach (var band in Enum.GetValues<AgeBand>())
            {
                if (FormValues.WholeNumberOrNull(Counts.GetValueOrDefault(Key(sex, band))) is { } count && count > 0)
                {
                    targets.Add(new BeneficiaryTarget(sex, band, count));
                }
            }
        }

        return content with
        {
            Beneficiaries = targets,
            ExploitationForms = Parse<ExploitationForm>(ExploitationForms),
            PrioritySituations = Parse<PrioritySituation>(PrioritySituations),
            UnderservedGroups = Parse<UnderservedGroup>(UnderservedGroups),
            ReferralPartners = ReferralPartners?.Trim() ?? string.Empty,
            SafeguardingApproach = SafeguardingApproach?.Trim() ?? string.Empty,
        };
    }

    internal static List<T> Parse<T>(IEnumerable<string> names)
        where T : struct, Enum =>
        names.Select(n => Enum.TryParse<T>(n, out var value) && Enum.IsDefined(value) ? value : (T?)null)
            .OfType<T>()
            .Distinct()
            .ToList();

    internal static bool AllDefined<T>(IEnumerable<string> names)
        where T : struct, Enum =>
        names.All(n => Enum.TryParse<T>(n, out var value) && Enum.IsDefined(value) && !int.TryParse(n, out _));

    public sealed class Validator : AbstractValidator<BeneficiariesInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x).Custom((input, context) =>
            {
                foreach (var sex in Enum.GetValues<Sex>())
                {
                    foreach (var band in Enum.GetValues<AgeBand>())
                    {
                        var message = FieldChecks.WholeNumber(
                            input.Counts.GetValueOrDefault(Key(sex, band)),
                            text["Enter the number of persons as a whole number, 0 or more, such as 25."],
                            0,
                            MaximumCount);
                        ProjectInput.Validator.Report(context, CountField(sex, band), message);
                    }
                }

                if (!AllDefined<ExploitationForm>(input.ExploitationForms))
                {
                    context.AddFailure(nameof(ExploitationForms), text["Choose forms of exploitation from the list."]);
                }

                if (!AllDefined<PrioritySituation>(input.PrioritySituations))
                {
                    context.AddFailure(nameof(PrioritySituations), text["Choose situations from the list."]);
                }

                if (!AllDefined<UnderservedGroup>(input.UnderservedGroups))
                {
                    context.AddFailure(nameof(UnderservedGroups), text["Choose groups from the list."]);
                }

                ProjectInput.Validator.Report(context, nameof(ReferralPartners), FieldChecks.MaxLength(input.ReferralPartners, GrantApplication.ShortTextMaxLength, text));
                ProjectInput.Validator.Report(context, nameof(SafeguardingApproach), FieldChecks.MaxLength(input.SafeguardingApproach, GrantApplication.LongTextMaxLength, text));
            });
        }
    }
}
