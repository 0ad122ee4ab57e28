using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Applications;

namespace TrustFund.Web.Features.Screenings;

/// <summary>The screening form: each gate's pass or fail with a comment, and optionally the outcome.</summary>
public sealed class ScreeningInput
{
    public const string SaveOnly = "save";

    /// <summary>The screening's version when the form was shown (empty before the first save).</summary>
    public Guid? Version { get; set; }

    /// <summary>The application's version when the form was shown.</summary>
    public Guid ApplicationVersion { get; set; }

    public List<GateInput> Gates { get; set; } = [];

    /// <summary><c>save</c>, <c>Eligible</c> or <c>Ineligible</c>.</summary>
    public string? Decision { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public ScreeningOutcome? Outcome => Enum.TryParse<ScreeningOutcome>(Decision, out var o) && Enum.IsDefined(o) ? o : null;

    public sealed class Validator : AbstractValidator<ScreeningInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Decision).Must(d => d == SaveOnly || (Enum.TryParse<ScreeningOutcome>(d, out var o) && Enum.IsDefined(o)))
                .WithMessage(_ => text["Choose whether to save the checklist or record an outcome."]);
            RuleFor(x => x.Reason).MaximumLength(GrantApplication.ReasonMaxLength)
                .WithMessage(_ => text["Write at most {0} characters.", GrantApplication.ReasonMaxLength]);
            RuleForEach(x => x.Gates).ChildRules(gate =>
            {
                gate.RuleFor(g => g.Gate).Must(g => Enum.TryParse<EligibilityGate>(g, out var v) && Enum.IsDefined(v))
                    .WithMessage(_ => text["That is not one of the screening gates."]);
                gate.RuleFor(g => g.Result).Must(r => string.IsNullOrEmpty(r) || r is GateInput.Pass or GateInput.Fail)
                    .WithMessage(_ => text["Choose pass or fail."]);
                gate.RuleFor(g => g.Comment).MaximumLength(Screening.CommentMaxLength)
                    .WithMessage(_ => text["Comments must be {0} characters or fewer.", Screening.CommentMaxLength]);
            });
        }
    }
}
