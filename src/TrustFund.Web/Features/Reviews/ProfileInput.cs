using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Places;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.Reviews;

/// <summary>The reviewer profile form.</summary>
public sealed class ProfileInput
{
    /// <summary>The profile's version when the form was shown (empty before its first save).</summary>
    public Guid? Version { get; set; }

    public List<string> Languages { get; set; } = [];

    /// <summary>UN M49 codes of regions and countries.</summary>
    public List<string> Regions { get; set; } = [];

    public List<string> Forms { get; set; } = [];

    public string? MaximumLoad { get; set; }

    public IReadOnlyList<ProposalLanguage> ChosenLanguages() => [.. Languages.Select(ReviewForms.Named<ProposalLanguage>).OfType<ProposalLanguage>()];

    public IReadOnlyList<ExploitationForm> ChosenForms() => [.. Forms.Select(ReviewForms.Named<ExploitationForm>).OfType<ExploitationForm>()];

    public sealed class Validator : AbstractValidator<ProfileInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Languages).NotEmpty()
                .WithMessage(_ => text["Choose at least one language the reviewer reads."]);
            RuleFor(x => x.Languages).Must(list => list.All(ReviewForms.IsNamed<ProposalLanguage>))
                .WithMessage(_ => text["That is not a language the fund knows."]);
            RuleFor(x => x.Forms).Must(list => list.All(ReviewForms.IsNamed<ExploitationForm>))
                .WithMessage(_ => text["That is not a form of exploitation the fund knows."]);
            RuleFor(x => x.Regions).Must(list => list.All(code => UnM49.ByCode(code) is not null))
                .WithMessage(_ => text["Choose regions and countries from the list."]);
            RuleFor(x => x.MaximumLoad).Must(load => ReviewForms.WholeNumber(load) is >= 1 and <= ReviewerProfile.MaximumLoadLimit)
                .WithMessage(_ => text["The maximum load must be a whole number from 1 to {0}.", ReviewerProfile.MaximumLoadLimit]);
        }
    }
}
