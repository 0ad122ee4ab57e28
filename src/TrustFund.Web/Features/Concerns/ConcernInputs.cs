using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Payments;

namespace TrustFund.Web.Features.Concerns;

/// <summary>A new concern against an organisation: its kind, the day it arose or was reported, and the note (Secretariat staff only).</summary>
public sealed class ConcernInput
{
    [Display(Name = "Kind of concern")]
    public string? Category { get; set; }

    [Display(Name = "Date of the concern")]
    public string? OpenedOn { get; set; }

    [Display(Name = "Note (seen by Secretariat staff only)")]
    public string? Note { get; set; }

    /// <summary>The kind chosen, by its exact name; null for anything else.</summary>
    public ConcernCategory? ChosenCategory =>
        Category is not null && Enum.GetNames<ConcernCategory>().Contains(Category, StringComparer.Ordinal) ? Enum.Parse<ConcernCategory>(Category) : null;

    public sealed class Validator : AbstractValidator<ConcernInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Category).Must(c => string.IsNullOrEmpty(c) || Enum.GetNames<ConcernCategory>().Contains(c, StringComparer.Ordinal))
                .WithMessage(_ => text.GetString("Choose the kind of concern."));
            MoneyFields.DateRule(this, x => x.OpenedOn, text);
            RuleFor(x => x.Note).MaximumLength(SafeguardingConcern.NoteMaxLength)
                .WithMessage(_ => text.GetString("Describe the concern in 1 to {0} characters.", SafeguardingConcern.NoteMaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }
    }
}

/// <summary>The written outcome that closes a concern, with the concern's version the page showed.</summary>
public sealed class ConcernOutcomeInput
{
    public Guid? Version { get; set; }

    [Display(Name = "Outcome")]
    public string? Outcome { get; set; }

    public sealed class Validator : AbstractValidator<ConcernOutcomeInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Outcome).MaximumLength(SafeguardingConcern.OutcomeMaxLength)
                .WithMessage(_ => text.GetString("Write the outcome of the concern in 1 to {0} characters.", SafeguardingConcern.OutcomeMaxLength.ToString("N0", System.Globalization.CultureInfo.CurrentCulture)));
        }
    }
}

/// <summary>The concerns page: what it shows, the new-concern form, and the outcome typed for the concern being closed.</summary>
public sealed record ConcernsPage(Application.Concerns.ConcernsView View, ConcernInput New, Guid? ClosingId, ConcernOutcomeInput Closing);
