using TrustFund.Domain.Common;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Domain.Grants;

/// <summary>
/// A safeguarding, misconduct, fraud or other concern a fund manager records against an organisation.
/// While it is open, none of the organisation's instalments can be requested, approved or paid (see
/// <see cref="PaymentBlock"/>); it closes only with a written outcome. The note is for Secretariat
/// staff only, so it stays out of the events.
/// </summary>
public sealed class SafeguardingConcern : AggregateRoot
{
    public const int NoteMaxLength = 4_000;
    public const int OutcomeMaxLength = 4_000;

    private static readonly TransitionTable<ConcernStatus> Lifecycle = new TransitionTable<ConcernStatus>("Concern", "A concern that is {0} cannot be {1}.")
        .Allow(ConcernStatus.Open, "Closed", ConcernStatus.Closed);

    private SafeguardingConcern()
    {
        Note = string.Empty;
        OpenedBy = string.Empty;
    }

    public Guid OrganisationId { get; private set; }

    public ConcernCategory Category { get; private set; }

    public ConcernStatus Status { get; private set; }

    /// <summary>The day the concern arose or was reported.</summary>
    public DateOnly OpenedOn { get; private set; }

    public string Note { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTime OpenedAtUtc { get; private set; }

    public string? Outcome { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public bool IsOpen => Status == ConcernStatus.Open;

    /// <summary>Every legal move of the concern lifecycle, for tests and documentation.</summary>
    public static IEnumerable<(ConcernStatus From, string Action, ConcernStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>Records a concern against an organisation, open from <paramref name="openedOn"/> (not in the future).</summary>
    public static SafeguardingConcern Open(Guid organisationId, ConcernCategory category, DateOnly openedOn, string note, string openedBy, DateTime nowUtc)
    {
        var errors = new List<RuleViolation>();
        if (!Enum.IsDefined(category))
        {
            errors.Add(new RuleViolation(nameof(Category), "Choose the kind of concern."));
        }

        if (openedOn > DateOnly.FromDateTime(nowUtc))
        {
            errors.Add(new RuleViolation(nameof(OpenedOn), "The date of the concern cannot be in the future."));
        }

        var text = (note ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > NoteMaxLength)
        {
            errors.Add(new RuleViolation(nameof(Note), new LocalText("Describe the concern in 1 to {0:N0} characters.", NoteMaxLength)));
        }

        RulesViolatedException.ThrowIfAny(errors);
        var concern = new SafeguardingConcern
        {
            OrganisationId = organisationId,
            Category = category,
            Status = ConcernStatus.Open,
            OpenedOn = openedOn,
            Note = text,
            OpenedBy = openedBy,
            OpenedAtUtc = nowUtc,
        };
        concern.Raise(new ConcernOpened(concern.Id, organisationId, category, openedOn));
        return concern;
    }

    /// <summary>Closes the concern with its written outcome; the organisation's payments are no longer blocked by it.</summary>
    public void Close(string outcome, string by, DateTime nowUtc)
    {
        var to = Lifecycle.Apply(Status, "Closed");
        var text = (outcome ?? string.Empty).Trim();
        if (text.Length == 0 || text.Length > OutcomeMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Outcome), new LocalText("Write the outcome of the concern in 1 to {0:N0} characters.", OutcomeMaxLength))]);
        }

        Status = to;
        Outcome = text;
        ClosedBy = by;
        ClosedAtUtc = nowUtc;
        Raise(new ConcernClosed(Id, OrganisationId, Category));
    }

    /// <summary>"fraud concern opened on 3 March 2026".</summary>
    public string Describe() => Text().ToString();

    /// <summary>The concern in words, translatable: its category and the day it was opened.</summary>
    public LocalText Text() => new LocalText("{0} concern opened on {1}", new LocalText(Category.ToString().ToLowerInvariant()), OpenedOn);
}
