using TrustFund.Domain.Applications.Events;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Domain.Places;

namespace TrustFund.Domain.Applications;

/// <summary>
/// An organisation's application (proposal and budget) to a call. Drafts may hold partial data;
/// submission checks every rule at once. Each submission keeps an immutable version.
/// </summary>
public sealed class GrantApplication : AggregateRoot
{
    public const int TitleMaxLength = 300;
    public const int LongTextMaxLength = 20_000;
    public const int ShortTextMaxLength = 2_000;
    public const int MaximumBudgetLines = 200;
    public const int ReasonMaxLength = 4_000;

    private static readonly TransitionTable<ApplicationStatus> Lifecycle = BuildLifecycle();

    private readonly List<ApplicationVersion> _versions = [];

    private GrantApplication()
    {
        Content = new ProposalContent();
        LastEditedBy = string.Empty;
        OrganisationName = string.Empty;
    }

    public Guid CallId { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>
    /// The organisation's legal name, copied when the application starts so the managers' list can sort
    /// and search by it from one index. A save that renames the organisation rewrites it on the
    /// organisation's drafts in the same transaction (the persistence layer does, in one statement);
    /// a submitted application keeps the name it was last submitted under.
    /// </summary>
    public string OrganisationName { get; private set; }

    public ApplicationStatus Status { get; private set; }

    /// <summary>Reference number, given at first submission (e.g. <c>UNVTF-2026-ST-0042</c>).</summary>
    public string? Reference { get; private set; }

    public ProposalContent Content { get; private set; }

    /// <summary>Copied from the content for lists and filters.</summary>
    public string Title { get; private set; } = string.Empty;

    /// <summary>Copied from the content for lists and filters.</summary>
    public decimal? AmountRequested { get; private set; }

    /// <summary>Implementing countries copied from the content for filters, as <c>|AFG|NGA|</c>.</summary>
    public string CountryIndex { get; private set; } = string.Empty;

    /// <summary>Assistance types copied from the content for filters, as <c>|MedicalCare|Education|</c>.</summary>
    public string AssistanceIndex { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime LastEditedAtUtc { get; private set; }

    public string LastEditedBy { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? WithdrawnAtUtc { get; private set; }

    public string? WithdrawalReason { get; private set; }

    /// <summary>The fund manager's latest request for more information.</summary>
    public string? InformationRequest { get; private set; }

    /// <summary>Until when the organisation may respond to <see cref="InformationRequest"/> (its whole minute included).</summary>
    public DateTime? InformationResponseDueUtc { get; private set; }

    /// <summary>How many versions have been submitted (the number of the latest).</summary>
    public int VersionCount { get; private set; }

    public string? IneligibilityReason { get; private set; }

    public IReadOnlyList<ApplicationVersion> Versions => _versions;

    public static IEnumerable<(ApplicationStatus From, string Action, ApplicationStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>Whether the applicant may change the content now.</summary>
    public bool IsEditable => Status is ApplicationStatus.Draft or ApplicationStatus.InformationRequested;

    /// <summary>Whether the application is still before the Board's decision.</summary>
    public bool IsBeforeDecision => Lifecycle.CanApply(Status, "Withdrawn");

    /// <summary>Starts a draft for an organisation on a call that accepts drafts.</summary>
    public static GrantApplication Start(Call call, Organisation organisation, string startedBy, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        if (!call.AcceptsDraftsAt(nowUtc))
        {
            throw new DomainException("application.call-not-open", "This call is not open for applications.");
        }

        return new GrantApplication
        {
            CallId = call.Id,
            OrganisationId = organisation.Id,
            OrganisationName = organisation.LegalName,
            Status = ApplicationStatus.Draft,
            CreatedAtUtc = nowUtc,
            LastEditedAtUtc = nowUtc,
            LastEditedBy = startedBy,
        };
    }

    /// <summary>
    /// Saves a section's data in a draft (or while information is requested). Partial data is fine;
    /// malformed data (negative or over-precise amounts, over-long text) is refused with every reason.
    /// </summary>
    public void Edit(ProposalContent content, string editedBy, DateTime nowUtc)
    {
        if (!IsEditable)
        {
            throw new DomainException("application.not-editable", "This application can no longer be changed: it has been submitted.");
        }

        RulesViolatedException.ThrowIfAny(CheckShape(content));
        Content = Normalise(content);
        Title = Content.Title;
        AmountRequested = Content.AmountRequested;
        CountryIndex = IndexOf(Content.Countries);
        AssistanceIndex = IndexOf(Content.Assistance.Select(a => a.Type.ToString()));
        LastEditedAtUtc = nowUtc;
        LastEditedBy = editedBy;
    }

    /// <summary>Every submission rule, met or not, for the checklist.</summary>
    public IReadOnlyList<SubmissionCheck> CheckSubmission(SubmissionContext context)
    {
        var call = context.Call;
        var terms = call.Terms;
        var c = Content;
        var checks = new List<SubmissionCheck>();
        void Rule(ApplicationSection section, string field, LocalText message, bool passed) =>
            checks.Add(new SubmissionCheck(section, field, message, passed));

        if (Status == ApplicationStatus.InformationRequested)
        {
            Rule(ApplicationSection.Eligibility, "Deadline", "The date to respond to the Secretariat's request has not passed.", InformationResponseDueUtc is { } due && Deadline.IsMet(due, context.NowUtc));
        }
        else
        {
            Rule(ApplicationSection.Eligibility, "Deadline", "The call is open and its deadline has not passed.", call.AcceptsSubmissionsAt(context.NowUtc));
        }

        Rule(ApplicationSection.Eligibility, "Organisation", "Your organisation has been verified by the Secretariat.", context.OrganisationVerified);

        Rule(ApplicationSection.Project, nameof(ProposalContent.Title), "Enter the project title.", !string.IsNullOrWhiteSpace(c.Title));
        Rule(ApplicationSection.Project, nameof(ProposalContent.Language), "Choose a language the call accepts.", c.Language is { } language && terms.AcceptedLanguages.Contains(language));
        Rule(ApplicationSection.Project, nameof(ProposalContent.Countries), "Choose at least one implementing country.", c.Countries.Count > 0);
        Rule(ApplicationSection.Project, nameof(ProposalContent.Countries), "Every implementing country is eligible for this call.", c.Countries.All(call.IsEligibleCountry));
        Rule(ApplicationSection.Project, nameof(ProposalContent.StartDate), "Enter a start date that is not in the past.", c.StartDate is { } start && start >= DateOnly.FromDateTime(context.NowUtc));
        Rule(ApplicationSection.Project, nameof(ProposalContent.DurationMonths), new LocalText("Enter a duration of 1 to {0} months.", terms.MaximumDurationMonths), c.DurationMonths is { } months && months >= 1 && months <= terms.MaximumDurationMonths);
        Rule(ApplicationSection.Project, nameof(ProposalContent.AmountRequested), new LocalText("Request between {0} and {1}.", terms.MinimumAmount, terms.MaximumAmount), c.AmountRequested is { } amount && amount >= terms.MinimumAmount && amount <= terms.MaximumAmount && amount > 0);
        Rule(ApplicationSection.Project, nameof(ProposalContent.TotalProjectCost), "Enter the total project cost: at least the amount requested.", c.TotalProjectCost is { } total && total >= (c.AmountRequested ?? 0));
        Rule(ApplicationSection.Project, nameof(ProposalContent.ContextAndNeeds), "Describe the context and needs.", !string.IsNullOrWhiteSpace(c.ContextAndNeeds));
        Rule(ApplicationSection.Project, nameof(ProposalContent.ObjectivesAndActivities), "Describe the objectives, outputs, activities and indicators.", !string.IsNullOrWhiteSpace(c.ObjectivesAndActivities));

        Rule(ApplicationSection.Beneficiaries, nameof(ProposalContent.Beneficiaries), "Enter the expected number of persons to assist.", c.BeneficiaryTotal > 0);
        Rule(ApplicationSection.Beneficiaries, nameof(ProposalContent.ExploitationForms), "Choose at least one form of exploitation addressed.", c.ExploitationForms.Count > 0);
        Rule(ApplicationSection.Beneficiaries, nameof(ProposalContent.SafeguardingApproach), "Describe your victim-centred, trauma-informed and do-no-harm approach.", !string.IsNullOrWhiteSpace(c.SafeguardingApproach));

        Rule(ApplicationSection.Assistance, nameof(ProposalContent.Assistance), "Choose at least one type of assistance and describe it.", c.Assistance.Count > 0 && c.Assistance.All(a => !string.IsNullOrWhiteSpace(a.Description)));
        if (terms.AllowedAssistance.Count > 0)
        {
            Rule(ApplicationSection.Assistance, nameof(ProposalContent.Assistance), "Every type of assistance is one this call funds.", c.Assistance.All(a => terms.AllowedAssistance.Contains(a.Type)));
        }

        Rule(ApplicationSection.Budget, nameof(ProposalContent.Budget), "Add at least one budget line.", c.Budget.Count > 0);
        Rule(ApplicationSection.Budget, nameof(ProposalContent.Budget), "Every budget line has a description, a quantity and a unit cost above zero.", c.Budget.All(l => !string.IsNullOrWhiteSpace(l.Description) && l.Quantity > 0 && l.UnitCost > 0));
        Rule(ApplicationSection.Budget, nameof(ProposalContent.Budget), new LocalText("The budget total ({0}) equals the amount requested.", c.BudgetTotal), c.AmountRequested is { } requested && c.BudgetTotal == requested);

        foreach (var document in terms.RequiredDocuments.Distinct())
        {
            var needed = document == DocumentType.ReferenceLetter ? 2 : 1;
            var attached = context.AttachedDocuments.GetValueOrDefault(document);
            Rule(ApplicationSection.Documents, document.ToString(), needed == 1 ? new LocalText("Attach the {0}.", new LocalText(Describe(document))) : new LocalText("Attach {0} reference letters.", needed), attached >= needed);
        }

        Rule(ApplicationSection.Declarations, nameof(ProposalContent.DeclaresInformationAccurate), "Declare that the information is accurate.", c.DeclaresInformationAccurate);
        Rule(ApplicationSection.Declarations, nameof(ProposalContent.DeclaresNoVictimIdentities), "Declare that the application holds no victim's identity.", c.DeclaresNoVictimIdentities);
        Rule(ApplicationSection.Declarations, nameof(ProposalContent.DeclaresSafeguardingMeasures), "Declare your safeguarding and PSEA measures.", c.DeclaresSafeguardingMeasures);
        return checks;
    }

    /// <summary>
    /// Submits (or resubmits after a request for information, until its response date). Every rule
    /// is checked at once; the first submission takes <paramref name="reference"/> (required then).
    /// Keeps an immutable version with the content, the call's terms in force, the organisation's
    /// name and the documents relied on.
    /// </summary>
    public void Submit(SubmissionContext context, string? reference, string submittedBy)
    {
        var failed = CheckSubmission(context).Where(c => !c.Passed).ToList();
        if (Status == ApplicationStatus.Withdrawn)
        {
            throw new DomainException("application.withdrawn", "This application has been withdrawn: it cannot be submitted.");
        }

        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.InformationRequested))
        {
            throw new DomainException("application.already-submitted", "This application has already been submitted.");
        }

        RulesViolatedException.ThrowIfAny(failed.Select(f => new RuleViolation(f.Field, f.Text)).ToList());
        if (Reference is null && string.IsNullOrWhiteSpace(reference))
        {
            throw new ArgumentException("A first submission needs a reference number.", nameof(reference));
        }

        var resubmission = Status == ApplicationStatus.InformationRequested;
        Status = Lifecycle.Apply(Status, resubmission ? "Resubmitted" : "Submitted");
        Reference ??= reference;
        SubmittedAtUtc = context.NowUtc;
        InformationRequest = null;
        InformationResponseDueUtc = null;
        OrganisationName = context.OrganisationName;
        VersionCount++;
        _versions.Add(new ApplicationVersion(Id, VersionCount, Content, context.NowUtc, submittedBy, context.Call.Terms, context.OrganisationName, context.Documents));
        Raise(new ApplicationSubmitted(Id, CallId, OrganisationId, Reference!, VersionCount, resubmission, submittedBy));
    }

    /// <summary>Withdraws the application, with a reason, at any time before a decision.</summary>
    public void Withdraw(string reason, DateTime nowUtc)
    {
        var text = RequireText(reason, "Give a reason for withdrawing.");
        Status = Lifecycle.Apply(Status, "Withdrawn");
        WithdrawnAtUtc = nowUtc;
        WithdrawalReason = text;
        Raise(new ApplicationWithdrawn(Id, Reference, text));
    }

    /// <summary>
    /// The Secretariat asks for more information (usually after the call has closed); the applicant
    /// may edit and resubmit until <paramref name="respondByUtc"/>, whatever the call's deadline.
    /// </summary>
    public void RequestInformation(string message, DateTime respondByUtc, DateTime nowUtc)
    {
        var text = RequireText(message, "Write what information you need.");
        if (Deadline.ToMinute(respondByUtc) <= nowUtc)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(InformationResponseDueUtc), "The date to respond by must be in the future.")]);
        }

        Status = Lifecycle.Apply(Status, "AskedForMoreInformation");
        InformationRequest = text;
        InformationResponseDueUtc = Deadline.ToMinute(respondByUtc);
        Raise(new InformationRequestSent(Id, OrganisationId, text, InformationResponseDueUtc.Value));
    }

    /// <summary>
    /// Whether the Secretariat may screen the latest version now: it is submitted, or more
    /// information was asked for and the date to respond has passed without a resubmission.
    /// </summary>
    public bool IsReadyForScreening(DateTime nowUtc) =>
        Status == ApplicationStatus.Submitted
        || (Status == ApplicationStatus.InformationRequested && InformationResponseDueUtc is { } due && !Deadline.IsMet(due, nowUtc));

    /// <summary>
    /// Records the eligibility screening's outcome: eligible, or ineligible with a reason. Also after a
    /// request for information whose response date passed (the last submitted version is screened).
    /// </summary>
    public void RecordEligibility(bool eligible, string? reason, DateTime nowUtc)
    {
        if (Status == ApplicationStatus.InformationRequested && !IsReadyForScreening(nowUtc))
        {
            throw new DomainException(
                "application.awaiting-information",
                "The organisation may still respond to the request for information: screen the application after the date to respond has passed.");
        }

        if (eligible)
        {
            Status = Lifecycle.Apply(Status, "FoundEligible");
            IneligibilityReason = null;
        }
        else
        {
            var text = RequireText(reason, "Give the reason the application is ineligible.");
            Status = Lifecycle.Apply(Status, "FoundIneligible");
            IneligibilityReason = text;
        }

        InformationRequest = null;
        InformationResponseDueUtc = null;
    }

    /// <summary>Technical assessment starts.</summary>
    public void StartReview() => Status = Lifecycle.Apply(Status, "PutUnderReview");

    /// <summary>All assigned reviews are in.</summary>
    public void CompleteReview() => Status = Lifecycle.Apply(Status, "MarkedAsReviewed");

    /// <summary>A review was reopened or a new reviewer assigned after the reviews were complete.</summary>
    public void ResumeReview() => Status = Lifecycle.Apply(Status, "ReopenedForReview");

    /// <summary>The Board approved the application (also from the reserve list).</summary>
    public void Approve() => Status = Lifecycle.Apply(Status, "Approved");

    /// <summary>The Board put the application on the reserve list.</summary>
    public void PlaceOnReserveList() => Status = Lifecycle.Apply(Status, "PlacedOnTheReserveList");

    /// <summary>The Board did not approve the application.</summary>
    public void Reject() => Status = Lifecycle.Apply(Status, "Rejected");

    /// <summary>The form in which <see cref="CountryIndex"/> and <see cref="AssistanceIndex"/> hold one value, for a contains-filter.</summary>
    public static string IndexTerm(string value) => $"|{value}|";

    /// <summary>Builds the reference number: <c>UNVTF-&lt;year&gt;-&lt;call code&gt;-&lt;sequence&gt;</c>.</summary>
    public static string FormatReference(int year, string callCode, int sequence) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"UNVTF-{year}-{callCode}-{sequence:0000}");

    /// <summary>Shape rules that hold even for drafts, each tied to its field.</summary>
    public static IReadOnlyList<RuleViolation> CheckShape(ProposalContent c)
    {
        var errors = new List<RuleViolation>();
        void Fail(string field, LocalText message) => errors.Add(new RuleViolation(field, message));

        if (c.Title.Length > TitleMaxLength)
        {
            Fail(nameof(c.Title), new LocalText("The project title must be {0} characters or fewer.", TitleMaxLength));
        }

        foreach (var (field, value) in new[]
        {
            (nameof(c.ContextAndNeeds), c.ContextAndNeeds), (nameof(c.ObjectivesAndActivities), c.ObjectivesAndActivities),
            (nameof(c.Monitoring), c.Monitoring), (nameof(c.Sustainability), c.Sustainability),
            (nameof(c.RisksAndMitigation), c.RisksAndMitigation), (nameof(c.SafeguardingApproach), c.SafeguardingApproach),
        })
        {
            if (value.Length > LongTextMaxLength)
            {
                Fail(field, new LocalText("This answer must be {0:N0} characters or fewer.", LongTextMaxLength));
            }
        }

        foreach (var (field, value) in new[] { (nameof(c.Locations), c.Locations), (nameof(c.ReferralPartners), c.ReferralPartners) })
        {
            if (value.Length > ShortTextMaxLength)
            {
                Fail(field, new LocalText("This answer must be {0:N0} characters or fewer.", ShortTextMaxLength));
            }
        }

        foreach (var country in c.Countries.Where(iso3 => !UnM49.IsCountry(iso3)))
        {
            Fail(nameof(c.Countries), new LocalText("'{0}' is not a country code we know.", country));
        }

        if (c.DurationMonths is < 1 or > 120)
        {
            Fail(nameof(c.DurationMonths), "Enter the duration as a whole number of months, from 1.");
        }

        CheckMoney(c.AmountRequested, nameof(c.AmountRequested), new LocalText("Enter the amount requested in US dollars, zero or more, with at most two decimals."), errors);
        CheckMoney(c.TotalProjectCost, nameof(c.TotalProjectCost), new LocalText("Enter the total project cost in US dollars, zero or more, with at most two decimals."), errors);
        CheckMoney(c.OtherFunding, nameof(c.OtherFunding), new LocalText("Enter the other funding in US dollars, zero or more, with at most two decimals."), errors);

        if (c.Beneficiaries.Any(b => b.Count is < 0 or > 10_000_000))
        {
            Fail(nameof(c.Beneficiaries), "Counts of persons are whole numbers, zero or more.");
        }

        if (c.Beneficiaries.GroupBy(b => (b.Sex, b.AgeBand)).Any(g => g.Count() > 1))
        {
            Fail(nameof(c.Beneficiaries), "Each sex and age band is counted once.");
        }

        if (c.Assistance.GroupBy(a => a.Type).Any(g => g.Count() > 1))
        {
            Fail(nameof(c.Assistance), "Each type of assistance is listed once.");
        }

        if (c.Assistance.Any(a => a.Description.Length > ShortTextMaxLength))
        {
            Fail(nameof(c.Assistance), new LocalText("Each description of assistance must be {0:N0} characters or fewer.", ShortTextMaxLength));
        }

        if (c.Budget.Count > MaximumBudgetLines)
        {
            Fail(nameof(c.Budget), new LocalText("A budget has at most {0} lines.", MaximumBudgetLines));
        }

        for (var i = 0; i < c.Budget.Count; i++)
        {
            var line = c.Budget[i];
            var field = $"Budget[{i}]";
            if (line.Description.Length > BudgetLine.DescriptionMaxLength || line.Unit.Length > BudgetLine.UnitMaxLength)
            {
                Fail(field, new LocalText("Budget line {0}: the description is at most {1} characters and the unit at most {2}.", i + 1, BudgetLine.DescriptionMaxLength, BudgetLine.UnitMaxLength));
            }

            if (line.Quantity < 0 || line.Quantity > 1_000_000 || decimal.Round(line.Quantity, 2) != line.Quantity)
            {
                Fail(field, new LocalText("Budget line {0}: the quantity must be zero or more, with at most two decimals.", i + 1));
            }

            if (line.UnitCost < 0 || decimal.Round(line.UnitCost, 2) != line.UnitCost || line.UnitCost > Money.MaximumAmount)
            {
                Fail(field, new LocalText("Budget line {0}: the unit cost must be zero or more, in US dollars with at most two decimals.", i + 1));
            }
            else if (line.Total > Money.MaximumAmount)
            {
                Fail(field, new LocalText("Budget line {0}: the total is too large.", i + 1));
            }
        }

        return errors;
    }

    private static void CheckMoney(decimal? amount, string field, LocalText message, List<RuleViolation> errors)
    {
        if (amount is { } value && (value < 0 || decimal.Round(value, 2) != value || value > Money.MaximumAmount))
        {
            errors.Add(new RuleViolation(field, message));
        }
    }

    private static ProposalContent Normalise(ProposalContent c) => c with
    {
        Title = c.Title.Trim(),
        Countries = c.Countries.Select(x => x.ToUpperInvariant()).Distinct().ToList(),
        ExploitationForms = c.ExploitationForms.Distinct().ToList(),
        PrioritySituations = c.PrioritySituations.Distinct().ToList(),
        UnderservedGroups = c.UnderservedGroups.Distinct().ToList(),
    };

    private static string IndexOf(IEnumerable<string> values)
    {
        var list = values.Distinct(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? string.Empty : $"|{string.Join('|', list)}|";
    }

    private static string RequireText(string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DomainException("application.text-required", message);
        }

        var trimmed = text.Trim();
        return trimmed.Length <= ReasonMaxLength
            ? trimmed
            : throw new DomainException("application.text-too-long", new LocalText("Write at most {0:N0} characters.", ReasonMaxLength));
    }

    private static string Describe(DocumentType type) => type switch
    {
        DocumentType.RegistrationCertificate => "registration certificate",
        DocumentType.AuditedFinancialStatements => "audited financial statements",
        DocumentType.ReferenceLetter => "reference letter",
        DocumentType.PartnerDeclaration => "partner declaration",
        DocumentType.PseaPolicy => "PSEA policy",
        DocumentType.Translation => "translation",
        DocumentType.Other => "document",
    };

    private static TransitionTable<ApplicationStatus> BuildLifecycle()
    {
        // Actions read as past participles in the refusal: "An application that is a draft cannot be put under review."
        var table = new TransitionTable<ApplicationStatus>("Application", "An application that is {0} cannot be {1}.")
            .Allow(ApplicationStatus.Draft, "Submitted", ApplicationStatus.Submitted)
            .Allow(ApplicationStatus.Submitted, "AskedForMoreInformation", ApplicationStatus.InformationRequested)
            .Allow(ApplicationStatus.InformationRequested, "Resubmitted", ApplicationStatus.Submitted)
            .Allow(ApplicationStatus.Submitted, "FoundEligible", ApplicationStatus.Eligible)
            .Allow(ApplicationStatus.Submitted, "FoundIneligible", ApplicationStatus.Ineligible)
            .Allow(ApplicationStatus.InformationRequested, "FoundEligible", ApplicationStatus.Eligible)
            .Allow(ApplicationStatus.InformationRequested, "FoundIneligible", ApplicationStatus.Ineligible)
            .Allow(ApplicationStatus.Eligible, "PutUnderReview", ApplicationStatus.UnderReview)
            .Allow(ApplicationStatus.UnderReview, "MarkedAsReviewed", ApplicationStatus.Reviewed)
            .Allow(ApplicationStatus.Reviewed, "ReopenedForReview", ApplicationStatus.UnderReview)
            .Allow(ApplicationStatus.Reviewed, "Approved", ApplicationStatus.Approved)
            .Allow(ApplicationStatus.Reviewed, "PlacedOnTheReserveList", ApplicationStatus.ReserveList)
            .Allow(ApplicationStatus.Reviewed, "Rejected", ApplicationStatus.NotApproved)
            .Allow(ApplicationStatus.ReserveList, "Approved", ApplicationStatus.Approved)
            .Describe(ApplicationStatus.Draft, "a draft")
            .Describe(ApplicationStatus.InformationRequested, "waiting for more information")
            .Describe(ApplicationStatus.ReserveList, "on the reserve list");
        foreach (var before in new[]
        {
            ApplicationStatus.Draft, ApplicationStatus.Submitted, ApplicationStatus.InformationRequested,
            ApplicationStatus.Eligible, ApplicationStatus.UnderReview, ApplicationStatus.Reviewed,
        })
        {
            table.Allow(before, "Withdrawn", ApplicationStatus.Withdrawn);
        }

        return table;
    }
}
