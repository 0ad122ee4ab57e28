using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Reviews;

namespace TrustFund.Web.Features.Reviews;

/// <summary>The conflict-of-interest declaration: no conflict, or a conflict with its type and a note.</summary>
public sealed class DeclarationInput
{
    public const string NoConflict = "none";
    public const string Conflict = "conflict";

    /// <summary>The assignment's version when the page was shown.</summary>
    public Guid? Version { get; set; }

    /// <summary><see cref="NoConflict"/> or <see cref="Conflict"/>.</summary>
    public string? Decision { get; set; }

    public string? ConflictType { get; set; }

    public string? Note { get; set; }

    public ConflictType? Type => ReviewForms.Named<ConflictType>(ConflictType);

    public sealed class Validator : AbstractValidator<DeclarationInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Decision).Must(d => d is NoConflict or Conflict)
                .WithMessage(_ => text["Choose whether you have a conflict of interest with this application."]);
            When(x => x.Decision == Conflict, () =>
            {
                RuleFor(x => x.ConflictType).Must(ReviewForms.IsNamed<ConflictType>)
                    .WithMessage(_ => text["Choose the type of conflict."]);
                RuleFor(x => x.Note).NotEmpty()
                    .WithMessage(_ => text["Describe the conflict."]);
            });
            RuleFor(x => x.Note).MaximumLength(ReviewAssignment.NoteMaxLength)
                .WithMessage(_ => text["Describe the conflict in at most {0} characters.", ReviewAssignment.NoteMaxLength]);
        }
    }
}
