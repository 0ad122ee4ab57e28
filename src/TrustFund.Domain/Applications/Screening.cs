using TrustFund.Domain.Applications.Events;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Applications;

/// <summary>
/// The Secretariat's eligibility screening of one submitted version of an application: each gate
/// confirmed by a person with a comment, then an outcome. Eligible only when every gate passed;
/// ineligible needs a reason. Once the outcome is recorded the screening no longer changes. A
/// resubmission (after a request for information) is screened afresh, in a screening of its own.
/// </summary>
public sealed class Screening : AggregateRoot
{
    public const int CommentMaxLength = 2_000;

    private Screening()
    {
        StartedBy = string.Empty;
        LastChangedBy = string.Empty;
    }

    /// <summary>Every gate, in the order screening checks them.</summary>
    public static IReadOnlyList<EligibilityGate> AllGates { get; } = Enum.GetValues<EligibilityGate>();

    public Guid ApplicationId { get; private set; }

    /// <summary>The submitted version this screening judges.</summary>
    public int VersionNumber { get; private set; }

    /// <summary>The gates confirmed so far, in checklist order.</summary>
    public IReadOnlyList<GateResult> Gates { get; private set; } = [];

    public ScreeningOutcome? Outcome { get; private set; }

    public string? OutcomeReason { get; private set; }

    public DateTime StartedAtUtc { get; private set; }

    public string StartedBy { get; private set; }

    public DateTime LastChangedAtUtc { get; private set; }

    public string LastChangedBy { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Whether the outcome has been recorded (the screening is then closed).</summary>
    public bool IsDecided => Outcome is not null;

    /// <summary>Starts screening the latest submitted version of an application.</summary>
    public static Screening Start(GrantApplication application, string startedBy, DateTime nowUtc)
    {
        if (!application.IsReadyForScreening(nowUtc))
        {
            throw new DomainException(
                "screening.not-submitted",
                application.Status == ApplicationStatus.InformationRequested
                    ? "The organisation may still respond to the request for information: screen the application after the date to respond has passed."
                    : "Only a submitted application can be screened.");
        }

        return new Screening
        {
            ApplicationId = application.Id,
            VersionNumber = application.VersionCount,
            StartedAtUtc = nowUtc,
            StartedBy = startedBy,
            LastChangedAtUtc = nowUtc,
            LastChangedBy = startedBy,
        };
    }

    /// <summary>The confirmation of <paramref name="gate"/>, or null when nobody has confirmed it yet.</summary>
    public GateResult? ResultOf(EligibilityGate gate) => Gates.FirstOrDefault(g => g.Gate == gate);

    /// <summary>Records a person's pass or fail for one gate, with a comment; replaces an earlier confirmation.</summary>
    public void ConfirmGate(EligibilityGate gate, bool passed, string comment, string confirmedBy, DateTime nowUtc)
    {
        EnsureOpen();
        if (!Enum.IsDefined(gate))
        {
            throw new DomainException("screening.gate-unknown", "That is not one of the screening gates.");
        }

        var text = (comment ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            throw new RulesViolatedException([new RuleViolation(gate.ToString(), "Write a comment for each gate you confirm.")]);
        }

        if (text.Length > CommentMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(gate.ToString(), new LocalText("Comments must be {0:N0} characters or fewer.", CommentMaxLength))]);
        }

        var existing = ResultOf(gate);
        if (existing is not null && existing.Passed == passed && existing.Comment == text)
        {
            return;
        }

        var result = new GateResult(gate, passed, text, confirmedBy, nowUtc);
        Gates = [.. Gates.Where(g => g.Gate != gate).Append(result).OrderBy(g => g.Gate)];
        LastChangedAtUtc = nowUtc;
        LastChangedBy = confirmedBy;
    }

    /// <summary>
    /// Records the outcome and moves the application to Eligible or Ineligible. Every gate must be
    /// confirmed first; eligible only when every gate passed; ineligible needs a reason.
    /// </summary>
    public void Decide(GrantApplication application, ScreeningOutcome outcome, string? reason, string decidedBy, DateTime nowUtc)
    {
        EnsureOpen();
        if (application.Id != ApplicationId)
        {
            throw new DomainException("screening.wrong-application", "This screening belongs to another application.");
        }

        if (application.VersionCount != VersionNumber)
        {
            throw new DomainException("screening.version-replaced", "The organisation has submitted a new version since this screening started: screen the new version.");
        }

        var unconfirmed = AllGates.Where(g => ResultOf(g) is null).ToList();
        if (unconfirmed.Count > 0)
        {
            throw new RulesViolatedException(unconfirmed.Select(g => new RuleViolation(g.ToString(), "Confirm this gate (pass or fail) before recording the outcome.")).ToList());
        }

        var text = reason?.Trim();
        if (outcome == ScreeningOutcome.Eligible)
        {
            var failed = Gates.Where(g => !g.Passed).Select(g => g.Gate).ToList();
            if (failed.Count > 0)
            {
                throw new DomainException(
                    "screening.gate-failed",
                    failed.Count == 1
                        ? new LocalText("The application cannot be recorded as eligible because 1 gate failed: {0}.", new LocalText(Describe(failed[0])))
                        : new LocalText("The application cannot be recorded as eligible because {0} gates failed: {1}.", failed.Count, LocalText.List(failed.Select(g => new LocalText(Describe(g))))));
            }

            application.RecordEligibility(true, null, nowUtc);
            OutcomeReason = string.IsNullOrEmpty(text) ? null : text;
        }
        else
        {
            if (string.IsNullOrEmpty(text))
            {
                throw new RulesViolatedException([new RuleViolation("Reason", "Give the reason the application is ineligible.")]);
            }

            application.RecordEligibility(false, text, nowUtc);
            OutcomeReason = text;
        }

        Outcome = outcome;
        DecidedBy = decidedBy;
        DecidedAtUtc = nowUtc;
        LastChangedAtUtc = nowUtc;
        LastChangedBy = decidedBy;
        Raise(new ScreeningDecided(Id, ApplicationId, application.OrganisationId, VersionNumber, outcome, OutcomeReason));
    }

    /// <summary>The gate's name in plain English, as messages use it.</summary>
    public static string Describe(EligibilityGate gate) => gate switch
    {
        EligibilityGate.OnTime => "submitted on time",
        EligibilityGate.AmountWithinLimits => "amount within the call's limits",
        EligibilityGate.DurationWithinLimits => "duration within the call's maximum",
        EligibilityGate.RegisteredBeforeCutoff => "registered before the cut-off date",
        EligibilityGate.Experience => "minimum years of experience",
        EligibilityGate.DocumentsComplete => "required documents complete",
        EligibilityGate.UnppPartnerId => "UNPP Partner ID present",
        EligibilityGate.OrganisationVerified => "organisation verified",
        EligibilityGate.AllowedLanguage => "written in an accepted language",
        EligibilityGate.NonProfit => "non-profit organisation",
        EligibilityGate.RegisteredInImplementingCountry => "registered in the implementing country",
        EligibilityGate.BankAccountInOwnName => "bank account in the organisation's own name",
        EligibilityGate.NotIntermediary => "not an intermediary",
        EligibilityGate.DirectAssistanceToVictims => "direct assistance to victims",
        _ => gate.ToString(),
    };

    private void EnsureOpen()
    {
        if (IsDecided)
        {
            throw new DomainException("screening.decided", "The screening outcome has already been recorded; it can no longer change.");
        }
    }
}
