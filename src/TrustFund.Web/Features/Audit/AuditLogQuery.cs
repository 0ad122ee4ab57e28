using System.ComponentModel.DataAnnotations;
using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Audit;

namespace TrustFund.Web.Features.Audit;

/// <summary>
/// Filters and position of the audit log, all taken from the query string so a filtered page can be
/// bookmarked and works without JavaScript. Values stay text until validated, so a mistyped date
/// or sequence gets a plain message instead of a binding error.
/// </summary>
public sealed class AuditLogQuery
{
    public const string DateFormat = "yyyy-MM-dd";

    [Display(Name = "Action")]
    public string? Action { get; set; }

    [Display(Name = "Who")]
    public string? Actor { get; set; }

    [Display(Name = "Record type")]
    public string? EntityType { get; set; }

    [Display(Name = "Record id")]
    public string? EntityId { get; set; }

    [Display(Name = "From (UTC date)")]
    public string? From { get; set; }

    [Display(Name = "To (UTC date)")]
    public string? To { get; set; }

    [Display(Name = "Summary contains")]
    public string? Text { get; set; }

    /// <summary>Show entries older than this sequence.</summary>
    public string? Before { get; set; }

    /// <summary>Show entries newer than this sequence.</summary>
    public string? After { get; set; }

    /// <summary>Whether any filter (not counting the page position) is set.</summary>
    public bool HasFilters =>
        !string.IsNullOrWhiteSpace(Action) || !string.IsNullOrWhiteSpace(Actor) || !string.IsNullOrWhiteSpace(EntityType)
        || !string.IsNullOrWhiteSpace(EntityId) || !string.IsNullOrWhiteSpace(From) || !string.IsNullOrWhiteSpace(To)
        || !string.IsNullOrWhiteSpace(Text);

    /// <summary>A calendar date written as yyyy-MM-dd (what a date input sends), or null.</summary>
    public static DateOnly? ParseDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>A positive sequence number, or null.</summary>
    public static long? ParseSequence(string? value) =>
        long.TryParse(value?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0 ? sequence : null;

    /// <summary>The use case's request for these (validated) filters.</summary>
    public ListAuditLog ToRequest() =>
        new(Action, Actor, EntityType, EntityId, ParseDate(From), ParseDate(To), Text, ParseSequence(Before), ParseSequence(After));

    /// <summary>The query string of these filters, with the page position given (or none); names as the form sends them.</summary>
    public string ToQueryString(long? before = null, long? after = null)
    {
        var parts = new List<KeyValuePair<string, string?>>();
        Add("Action", Action);
        Add("Actor", Actor);
        Add("EntityType", EntityType);
        Add("EntityId", EntityId);
        Add("From", From);
        Add("To", To);
        Add("Text", Text);
        Add("Before", before?.ToString(CultureInfo.InvariantCulture));
        Add("After", after?.ToString(CultureInfo.InvariantCulture));
        return Microsoft.AspNetCore.Http.QueryString.Create(parts).ToUriComponent();

        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(new(name, value.Trim()));
            }
        }
    }

    public sealed class Validator : AbstractValidator<AuditLogQuery>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Action).MaximumLength(101).WithMessage(_ => text["Actions are 100 characters or fewer."]);
            RuleFor(x => x.Actor).MaximumLength(256).WithMessage(_ => text["Enter 256 characters or fewer for who acted."]);
            RuleFor(x => x.EntityType).MaximumLength(100).WithMessage(_ => text["Record types are 100 characters or fewer."]);
            RuleFor(x => x.EntityId).MaximumLength(100).WithMessage(_ => text["Record ids are 100 characters or fewer."]);
            RuleFor(x => x.Text).MaximumLength(1000).WithMessage(_ => text["Enter 1,000 characters or fewer to search the summary."]);
            RuleFor(x => x.From)
                .Must(v => ParseDate(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.From))
                .WithMessage(_ => text["The ‘from’ date must be a real date, written as year-month-day, for example 2026-03-01."]);
            RuleFor(x => x.To)
                .Must(v => ParseDate(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.To))
                .WithMessage(_ => text["The ‘to’ date must be a real date, written as year-month-day, for example 2026-03-31."]);
            RuleFor(x => x.To)
                .Must((query, to) => ParseDate(to) >= ParseDate(query.From))
                .When(x => ParseDate(x.From) is not null && ParseDate(x.To) is not null)
                .WithMessage(_ => text["The ‘to’ date must be the same as or after the ‘from’ date."]);
            RuleFor(x => x.Before)
                .Must(v => ParseSequence(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.Before))
                .WithMessage(_ => text["The page position ‘before’ must be a whole number greater than 0."]);
            RuleFor(x => x.After)
                .Must(v => ParseSequence(v) is not null).When(x => !string.IsNullOrWhiteSpace(x.After))
                .WithMessage(_ => text["The page position ‘after’ must be a whole number greater than 0."]);
            RuleFor(x => x.After)
                .Empty().When(x => !string.IsNullOrWhiteSpace(x.Before))
                .WithMessage(_ => text["Use either ‘before’ or ‘after’ to choose a page, not both."]);
        }
    }
}
