using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Applications;

/// <summary>The types of assistance the project offers, each with how it will be delivered.</summary>
public sealed class AssistanceInput : SectionInput
{
    public List<string> Selected { get; set; } = [];

    /// <summary>Descriptions keyed by assistance type name.</summary>
    public Dictionary<string, string?> Descriptions { get; set; } = [];

    public static string DescriptionField(AssistanceType type) => $"{nameof(Descriptions)}[{type}]";

    public static AssistanceInput From(GrantApplication application) => new()
    {
        Version = application.Version,
        Selected = application.Content.Assistance.Select(a => a.Type.ToString()).ToList(),
        Descriptions = application.Content.Assistance.ToDictionary(a => a.Type.ToString(), a => (string?)a.Description),
    };

    public ProposalContent ApplyTo(ProposalContent content) => content with
    {
        Assistance = BeneficiariesInput.Parse<AssistanceType>(Selected)
            .Select(t => new AssistanceActivity(t, Descriptions.GetValueOrDefault(t.ToString())?.Trim() ?? string.Empty))
            .ToList(),
    };

    public sealed class Validator : AbstractValidator<AssistanceInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x).Custom((input, context) =>
            {
                if (!BeneficiariesInput.AllDefined<AssistanceType>(input.Selected))
                {
                    context.AddFailure(nameof(Selected), text["Choose types of assistance from the list."]);
                }

                foreach (var type in Enum.GetValues<AssistanceType>())
                {
                    ProjectInput.Validator.Report(context, DescriptionField(type), FieldChecks.MaxLength(input.Descriptions.GetValueOrDefault(type.ToString()), GrantApplication.ShortTextMaxLength, text));
                }
            });
        }
    }
}
