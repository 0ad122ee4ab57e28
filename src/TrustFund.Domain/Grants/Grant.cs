using System.Globalization;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants.Events;

namespace TrustFund.Domain.Grants;

/// <summary>
/// A grant awarded on an approved application: the agreement (number, parties, amount, dates, approved
/// budget, both signatures), its amendments, its instalment schedule and its ledger of payments,
/// refunds, corrections and write-offs. The grant holds the rules that money depends on: the sum paid
/// never exceeds the amount, payment references are unique, a finance officer never approves a release
/// they requested, and no instalment moves while a concern against the organisation is open.
/// </summary>
public sealed class Grant : AggregateRoot
{
    public const int TextMaxLength = 4_000;
    public const int NumberMaxLength = 30;

    private static readonly TransitionTable<GrantStatus> Lifecycle = new TransitionTable<GrantStatus>("Grant", "A grant that is {0} cannot be {1}.")
        .Allow(GrantStatus.AgreementPending, "Activated", GrantStatus.Active)
        .Allow(GrantStatus.Active, "Suspended", GrantStatus.Suspended)
        .Allow(GrantStatus.Suspended, "Resumed", GrantStatus.Active)
        .Allow(GrantStatus.Active, "MovedToClosing", GrantStatus.Closing)
        .Allow(GrantStatus.Closing, "Closed", GrantStatus.Closed)
        .Describe(GrantStatus.AgreementPending, "awaiting signatures")
        .Describe(GrantStatus.Closing, "in closure");

    private readonly List<Instalment> _instalments = [];
    private readonly List<LedgerEntry> _ledger = [];
    private readonly List<GrantAmendment> _amendments = [];

    private Grant()
    {
        Number = string.Empty;
        Budget = [];
        CreatedBy = string.Empty;
    }

    /// <summary>The grant number, e.g. <c>UNVTF-G-2026-0001</c>.</summary>
    public string Number { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid CallId { get; private set; }

    public Money Amount { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    /// <summary>The approved budget: the application's lines, then as revised by approved amendments.</summary>
    public IReadOnlyList<BudgetLine> Budget { get; private set; }

    public GrantStatus Status { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateOnly? FundSignedOn { get; private set; }

    public string? FundSignatureRecordedBy { get; private set; }

    public DateOnly? OrganisationSignedOn { get; private set; }

    public string? OrganisationSignatureRecordedBy { get; private set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    /// <summary>Why the grant is suspended; null when it is not.</summary>
    public string? SuspensionReason { get; private set; }

    /// <summary>Since when the grant is suspended; null when it is not.</summary>
    public DateTime? SuspendedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public string? ClosedBy { get; private set; }

    /// <summary>Whether the organisation's bank details count as verified for this grant's payments.</summary>
    public bool BankDetailsVerified { get; private set; }

    public DateTime? BankDetailsVerifiedAtUtc { get; private set; }

    public string? BankDetailsVerifiedBy { get; private set; }

    /// <summary>When the last payment was recorded; a later change of bank details needs a new verification.</summary>
    public DateTime? LastPaymentAtUtc { get; private set; }

    // The parts are held in the order they were added, or as read back from storage, which keeps no
    // order: each list below is put in its order by the part's own number or time.

    /// <summary>The schedule, in payment order.</summary>
    public IReadOnlyList<Instalment> Instalments => [.. _instalments.OrderBy(i => i.Number)];

    /// <summary>Every ledger entry, in the order written; read-only, as entries are permanent.</summary>
    public IReadOnlyList<LedgerEntry> Ledger => _ledger.OrderBy(e => e.RecordedAtUtc).ToList().AsReadOnly();

    /// <summary>Every amendment ever asked for, whatever its decision, in the order asked.</summary>
    public IReadOnlyList<GrantAmendment> Amendments => [.. _amendments.OrderBy(a => a.Number)];

    /// <summary>The amendments waiting for a fund manager's decision.</summary>
    public IReadOnlyList<GrantAmendment> PendingAmendments => [.. _amendments.Where(a => a.Status == AmendmentStatus.Pending)];

    /// <summary>Whether both parties' signatures are recorded.</summary>
    public bool IsAgreementSigned => FundSignedOn is not null && OrganisationSignedOn is not null;

    /// <summary>The funds the grantee has received: payments less refunds, with corrections.</summary>
    public Money NetPaid => Money.Usd(_ledger.Sum(e => e.SignedAmount));

    /// <summary>What remains of the grant to be paid: the amount less <see cref="NetPaid"/>.</summary>
    public Money Balance => Amount - NetPaid;

    /// <summary>The sum refunded by the grantee (refund entries, before corrections).</summary>
    public Money Refunded => Sum(LedgerEntryKind.Refund);

    /// <summary>The sum the fund decided not to recover.</summary>
    public Money WrittenOff => Sum(LedgerEntryKind.WriteOff);

    /// <summary>The total of the approved budget's lines.</summary>
    public decimal BudgetTotal => Budget.Sum(l => l.Total);

    /// <summary>Every legal move of the grant lifecycle, for tests and documentation.</summary>
    public static IEnumerable<(GrantStatus From, string Action, GrantStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>Builds the grant number: <c>UNVTF-G-&lt;call year&gt;-&lt;sequence&gt;</c>, the sequence on four digits.</summary>
    public static string FormatNumber(int callYear, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(callYear, 2000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(callYear, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        return string.Create(CultureInfo.InvariantCulture, $"UNVTF-G-{callYear}-{sequence:0000}");
    }

    /// <summary>
    /// Creates the grant of an approved application, awaiting both signatures: the amount (above zero,
    /// at most the amount requested), the dates (the end after the start) and the application's budget
    /// lines, which a budget revision later brings to the approved amount when it is lower.
    /// </summary>
    public static Grant Award(GrantApplication application, Money amount, DateOnly startDate, DateOnly endDate, int callYear, int sequence, string by, DateTime nowUtc)
    {
        if (application.Status != ApplicationStatus.Approved)
        {
            throw new DomainException("grant.application-not-approved", "Only an application the Board approved becomes a grant.");
        }

        var errors = new List<RuleViolation>();
        if (amount <= Money.Zero)
        {
            errors.Add(new RuleViolation(nameof(Amount), "The grant's amount must be above zero."));
        }
        else if (application.AmountRequested is { } requested && amount.Amount > requested)
        {
            errors.Add(new RuleViolation(nameof(Amount), new LocalText("The grant cannot be more than the amount requested ({0}).", Money.Usd(requested))));
        }

        if (endDate <= startDate)
        {
            errors.Add(new RuleViolation(nameof(EndDate), "The end date must be after the start date."));
        }

        RulesViolatedException.ThrowIfAny(errors);
        var grant = new Grant
        {
            Number = FormatNumber(callYear, sequence),
            ApplicationId = application.Id,
            OrganisationId = application.OrganisationId,
            CallId = application.CallId,
            Amount = amount,
            StartDate = startDate,
            EndDate = endDate,
            Budget = [.. application.Content.Budget],
            Status = GrantStatus.AgreementPending,
            CreatedBy = by,
            CreatedAtUtc = nowUtc,
        };
        grant.Raise(new GrantCreated(grant.Id, grant.Number, grant.ApplicationId, grant.OrganisationId, amount));
        return grant;
    }

    /// <summary>Records the date the fund signed the agreement; with both signatures the grant becomes active.</summary>
    public void RecordFundSignature(DateOnly signedOn, string recordedBy, DateTime nowUtc)
    {
        EnsureAwaitingSignature(FundSignedOn, "The fund's signature is already recorded.", signedOn, nowUtc);
        FundSignedOn = signedOn;
        FundSignatureRecordedBy = recordedBy;
        ActivateWhenSigned(nowUtc);
    }

    /// <summary>Records the date the organisation signed the agreement; with both signatures the grant becomes active.</summary>
    public void RecordOrganisationSignature(DateOnly signedOn, string recordedBy, DateTime nowUtc)
    {
        EnsureAwaitingSignature(OrganisationSignedOn, "The organisation's signature is already recorded.", signedOn, nowUtc);
        OrganisationSignedOn = signedOn;
        OrganisationSignatureRecordedBy = recordedBy;
        ActivateWhenSigned(nowUtc);
    }

    /// <summary>Suspends an active grant, with a reason: nothing is released or paid until it is resumed.</summary>
    public void Suspend(string reason, string by, DateTime nowUtc)
    {
        var to = Lifecycle.Apply(Status, "Suspended");
        var text = RequireText(reason, "Reason", "Give the reason for suspending the grant.");
        Status = to;
        SuspensionReason = text;
        SuspendedAtUtc = nowUtc;
        Raise(new GrantSuspended(Id, text, by));
    }

    /// <summary>Resumes a suspended grant, with a reason.</summary>
    public void Resume(string reason, string by)
    {
        var to = Lifecycle.Apply(Status, "Resumed");
        var text = RequireText(reason, "Reason", "Give the reason for resuming the grant.");
        Status = to;
        SuspensionReason = null;
        SuspendedAtUtc = null;
        Raise(new GrantResumed(Id, text, by));
    }

    /// <summary>The project has ended: the grant enters closure (final reports, last payment, unspent funds).</summary>
    public void BeginClosing(string by)
    {
        Status = Lifecycle.Apply(Status, "MovedToClosing");
        Raise(new GrantClosingStarted(Id, by));
    }

    /// <summary>
    /// Closes the grant when the final reports are accepted (<paramref name="finalReportsAccepted"/>,
    /// known to the caller), every instalment is paid or cancelled, no amendment waits for a decision,
    /// and the <paramref name="unspentBalance"/> the final financial report shows is covered by refunds
    /// and write-offs recorded in the ledger. Every unmet rule is reported.
    /// </summary>
    public void Close(bool finalReportsAccepted, Money unspentBalance, string by, DateTime nowUtc)
    {
        var to = Lifecycle.Apply(Status, "Closed");
        var errors = new List<RuleViolation>();
        if (!finalReportsAccepted)
        {
            errors.Add(new RuleViolation("Reports", "The final reports must be accepted before the grant is closed."));
        }

        foreach (var instalment in Instalments.Where(i => !i.IsSettled))
        {
            errors.Add(new RuleViolation("Instalments", new LocalText("Instalment {0} is {1}: pay or cancel it before closing.", instalment.Number, new LocalText(Words(instalment.Status)))));
        }

        if (PendingAmendments.Count > 0)
        {
            errors.Add(new RuleViolation("Amendments", "Decide the amendments waiting for a decision before closing."));
        }

        var settled = Refunded + WrittenOff;
        if (settled < unspentBalance)
        {
            errors.Add(new RuleViolation("Ledger", new LocalText("The unspent balance is {0}; only {1} has been refunded or written off.", unspentBalance, settled)));
        }

        RulesViolatedException.ThrowIfAny(errors);
        Status = to;
        ClosedAtUtc = nowUtc;
        ClosedBy = by;
        Raise(new GrantClosed(Id, NetPaid, by));
    }

    /// <summary>Asks for a later end date at no cost; one extension at a time waits for a decision.</summary>
    public GrantAmendment RequestExtension(DateOnly newEndDate, string reason, string requestedBy, RequestingSide side, DateTime nowUtc)
    {
        EnsureAmendable(AmendmentKind.NoCostExtension);
        var errors = new List<RuleViolation>();
        var text = CollectText(reason, "Reason", "Give the reason for the extension.", errors);
        CheckLaterEnd(newEndDate, errors);
        RulesViolatedException.ThrowIfAny(errors);
        var amendment = GrantAmendment.Extension(Id, _amendments.Count + 1, EndDate, newEndDate, text, requestedBy, side, nowUtc);
        return AddAmendment(amendment);
    }

    /// <summary>
    /// Asks for new budget lines. The total must stay the current budget's total or become the grant's
    /// amount; a total above the amount raises the grant, which the approval must allow.
    /// </summary>
    public GrantAmendment RequestBudgetRevision(IReadOnlyList<BudgetLine> lines, string reason, string requestedBy, RequestingSide side, DateTime nowUtc)
    {
        EnsureAmendable(AmendmentKind.BudgetRevision);
        var errors = new List<RuleViolation>();
        var text = CollectText(reason, "Reason", "Give the reason for the budget revision.", errors);
        CheckBudget(lines, errors);
        RulesViolatedException.ThrowIfAny(errors);
        var total = lines.Sum(l => l.Total);
        if (total != BudgetTotal && total < Amount.Amount)
        {
            throw new RulesViolatedException([new RuleViolation(nameof(Budget), new LocalText("The revised budget totals {0}: it must stay at {1} or match the grant's {2}.", Money.Usd(total), Money.Usd(BudgetTotal), Amount))]);
        }

        var amendment = GrantAmendment.BudgetRevision(Id, _amendments.Count + 1, Budget, [.. lines], text, requestedBy, side, nowUtc);
        return AddAmendment(amendment);
    }

    /// <summary>
    /// A fund manager approves a pending amendment: an extension moves the end date; a budget revision
    /// replaces the budget, and when its total is above the grant's amount raises the amount by the
    /// difference, which must be at most <paramref name="increaseLimit"/> (what the call can still fund)
    /// and is added to the last planned instalment.
    /// </summary>
    public void ApproveAmendment(Guid amendmentId, string by, string? note, DateTime nowUtc, Money? increaseLimit = null)
    {
        var amendment = FindAmendment(amendmentId);
        amendment.EnsureCan("Approved");
        EnsureNotInClosure();
        Money? increase = null;
        if (amendment.Kind == AmendmentKind.NoCostExtension)
        {
            var errors = new List<RuleViolation>();
            CheckLaterEnd(amendment.NewEndDate!.Value, errors);
            RulesViolatedException.ThrowIfAny(errors);
        }
        else
        {
            increase = IncreaseOf(amendment, increaseLimit);
        }

        amendment.Approve(by, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), increase, nowUtc);
        if (amendment.Kind == AmendmentKind.NoCostExtension)
        {
            EndDate = amendment.NewEndDate!.Value;
        }
        else
        {
            Budget = amendment.NewBudget;
            if (increase is { } extra)
            {
                Amount += extra;
                Instalments.LastOrDefault(i => i.Status == InstalmentStatus.Planned)?.AddToAmount(extra);
            }
        }

        Raise(new AmendmentDecided(Id, amendment.Id, amendment.Kind, true, by));
    }

    /// <summary>A fund manager refuses a pending amendment, with a written note; nothing else changes.</summary>
    public void RefuseAmendment(Guid amendmentId, string note, string by, DateTime nowUtc)
    {
        var amendment = FindAmendment(amendmentId);
        amendment.EnsureCan("Refused");
        var text = RequireText(note, "DecisionNote", "Give the reason for refusing the amendment.");
        amendment.Refuse(by, text, nowUtc);
        Raise(new AmendmentDecided(Id, amendment.Id, amendment.Kind, false, by));
    }

    /// <summary>
    /// Plans the instalments from <paramref name="template"/>: amounts split to the cent adding up to the
    /// grant's amount, one planned date per instalment (in order), and per instalment the given release
    /// conditions or, when <paramref name="conditions"/> is null, the template's defaults.
    /// </summary>
    public void PlanInstalments(InstalmentTemplate template, IReadOnlyList<DateOnly> plannedDates, IReadOnlyList<IReadOnlyList<ReleaseCondition>>? conditions = null)
    {
        if (Status is GrantStatus.Closing or GrantStatus.Closed)
        {
            throw new DomainException("grant.in-closure", "The instalments of a grant in closure or closed cannot be planned.");
        }

        if (_instalments.Count > 0)
        {
            throw new DomainException("grant.schedule-exists", "This grant already has its instalments.");
        }

        var count = template.Percentages.Count;
        var errors = new List<RuleViolation>();
        if (plannedDates.Count != count)
        {
            errors.Add(new RuleViolation("PlannedDates", new LocalText("Give one planned date for each of the {0} instalments.", count)));
        }
        else if (plannedDates.Zip(plannedDates.Skip(1)).Any(pair => pair.Second < pair.First))
        {
            errors.Add(new RuleViolation("PlannedDates", "The planned dates must follow the order of the instalments."));
        }

        if (conditions is not null && conditions.Count != count)
        {
            errors.Add(new RuleViolation("Conditions", new LocalText("Give the release conditions of each of the {0} instalments.", count)));
        }
        else if (conditions is not null && conditions.Any(c => c.Count == 0))
        {
            errors.Add(new RuleViolation("Conditions", "Each instalment needs at least one release condition."));
        }

        RulesViolatedException.ThrowIfAny(errors);
        var amounts = template.Split(Amount);
        for (var i = 0; i < count; i++)
        {
            IReadOnlyList<ReleaseCondition> instalmentConditions = conditions?[i] is { } given ? [.. given.Distinct()] : InstalmentTemplate.DefaultConditions(i, count);
            _instalments.Add(new Instalment(Id, i + 1, template.Percentages[i], amounts[i], plannedDates[i], instalmentConditions));
        }
    }

    /// <summary>The conditions of an instalment that <paramref name="facts"/> and the grant do not meet.</summary>
    public IReadOnlyList<ReleaseCondition> UnmetConditions(Guid instalmentId, ReleaseFacts facts) =>
        [.. FindInstalment(instalmentId).Conditions.Where(c => !IsMet(c, facts))];

    /// <summary>
    /// A fund manager requests an instalment's release. Every condition must be met (the agreement and
    /// bank details from the grant, reports and manual conditions from <paramref name="facts"/>) or
    /// overridden with a written justification; each unmet condition is reported. Overrides are kept on
    /// the instalment. Refused while a concern against the organisation is open.
    /// </summary>
    public void RequestRelease(Guid instalmentId, ReleaseFacts facts, IReadOnlyList<ConditionOverride> overrides, Guid requesterId, string requester, IEnumerable<SafeguardingConcern> concerns, DateTime nowUtc)
    {
        var instalment = FindInstalment(instalmentId);
        instalment.EnsureCan("Requested");
        EnsureReleasesOpen();
        PaymentBlock.EnsureNoOpenConcern(OrganisationId, concerns);

        var errors = new List<RuleViolation>();
        var accepted = new List<OverriddenCondition>();
        foreach (var given in overrides.DistinctBy(o => o.Condition))
        {
            var condition = given.Condition;
            if (!instalment.Conditions.Contains(condition))
            {
                errors.Add(new RuleViolation("Overrides", new LocalText("Instalment {0} has no such condition: {1}.", instalment.Number, condition.InWords())));
            }
            else if (IsMet(condition, facts))
            {
                errors.Add(new RuleViolation("Overrides", new LocalText("This condition is met and needs no override: {0}.", condition.InWords())));
            }
            else if (!condition.CanBeOverridden)
            {
                errors.Add(new RuleViolation("Overrides", new LocalText("This condition cannot be overridden: {0}.", condition.InWords())));
            }
            else
            {
                var justification = CollectText(given.Justification, "Overrides", new LocalText("Justify overriding this condition: {0}.", condition.InWords()), errors);
                accepted.Add(new OverriddenCondition(condition, justification, requesterId, requester, nowUtc));
            }
        }

        foreach (var condition in instalment.Conditions.Where(c => !IsMet(c, facts) && !overrides.Any(o => o.Condition == c)))
        {
            errors.Add(new RuleViolation("Conditions", new LocalText("This condition is not met: {0}.", condition.InWords())));
        }

        RulesViolatedException.ThrowIfAny(errors);
        instalment.MarkRequested(requesterId, requester, accepted, nowUtc);
        Raise(new InstalmentReleaseRequested(Id, instalment.Id, instalment.Number, instalment.Amount, requesterId, accepted));
    }

    /// <summary>
    /// A finance officer approves a requested release. Refused to the person who requested it, while a
    /// concern against the organisation is open, when the bank details are not verified, or when paying
    /// it would take the sum paid above the grant's amount.
    /// </summary>
    public void ApproveRelease(Guid instalmentId, Guid approverId, string approver, IEnumerable<SafeguardingConcern> concerns, DateTime nowUtc)
    {
        var instalment = FindInstalment(instalmentId);
        instalment.EnsureCan("Approved");
        EnsureReleasesOpen();
        PaymentBlock.EnsureNoOpenConcern(OrganisationId, concerns);
        if (instalment.RequestedById == approverId)
        {
            throw new DomainException("grant.approver-is-requester", "You requested the release of this instalment: another finance officer must approve it.");
        }

        EnsureBankDetailsVerified();
        EnsureWithinAmount(instalment.Amount);
        instalment.MarkApproved(approverId, approver, nowUtc);
        Raise(new InstalmentReleaseApproved(Id, instalment.Id, instalment.Number, approverId));
    }

    /// <summary>
    /// Records the payment of an approved instalment as a ledger entry. The amount must be exactly the
    /// instalment's approved amount: a partial payment would leave the instalment neither paid nor
    /// unpaid, and a bank difference is recorded as a correction, where it stays visible. The date is
    /// not in the future; the reference is unique within the grant, ignoring case; the sum paid never
    /// exceeds the grant's amount. Refused while a concern is open or the bank details are not verified.
    /// </summary>
    public LedgerEntry RecordPayment(Guid instalmentId, Money amount, DateOnly paidOn, string reference, Guid byId, string by, IEnumerable<SafeguardingConcern> concerns, DateTime nowUtc)
    {
        var instalment = FindInstalment(instalmentId);
        instalment.EnsureCan("Paid");
        EnsureReleasesOpen();
        PaymentBlock.EnsureNoOpenConcern(OrganisationId, concerns);
        EnsureBankDetailsVerified();

        var errors = new List<RuleViolation>();
        if (amount != instalment.Amount)
        {
            errors.Add(new RuleViolation(nameof(Amount), new LocalText("The amount paid must be the instalment's approved amount, {0}.", instalment.Amount)));
        }

        CheckValueDate(paidOn, nowUtc, errors);
        var checkedReference = CheckReference(reference, required: true, errors);
        RulesViolatedException.ThrowIfAny(errors);
        EnsureWithinAmount(amount);

        var entry = Write(new LedgerEntry(Id, LedgerEntryKind.Payment, amount, amount.Amount, paidOn, checkedReference, byId, by, string.Empty, instalment.Id, null, nowUtc));
        LastPaymentAtUtc = nowUtc;
        instalment.MarkPaid(entry.Id, paidOn);
        return entry;
    }

    /// <summary>Records money the grantee paid back: at most what it has received, with a unique reference.</summary>
    public LedgerEntry RecordRefund(Money amount, DateOnly receivedOn, string reference, string? note, Guid byId, string by, DateTime nowUtc)
    {
        EnsureLedgerOpen();
        var errors = new List<RuleViolation>();
        CheckPositive(amount, errors);
        if (amount > NetPaid)
        {
            errors.Add(new RuleViolation(nameof(Amount), new LocalText("A refund cannot be more than the {0} the organisation has received.", NetPaid)));
        }

        CheckValueDate(receivedOn, nowUtc, errors);
        var checkedReference = CheckReference(reference, required: true, errors);
        var text = CheckNote(note, errors);
        RulesViolatedException.ThrowIfAny(errors);
        return Write(new LedgerEntry(Id, LedgerEntryKind.Refund, amount, -amount.Amount, receivedOn, checkedReference, byId, by, text, null, null, nowUtc));
    }

    /// <summary>Records unspent money the fund decides not to recover, with the reason; it moves no money.</summary>
    public LedgerEntry RecordWriteOff(Money amount, DateOnly decidedOn, string reason, Guid byId, string by, DateTime nowUtc)
    {
        EnsureLedgerOpen();
        var errors = new List<RuleViolation>();
        CheckPositive(amount, errors);
        if (WrittenOff + amount > NetPaid)
        {
            errors.Add(new RuleViolation(nameof(Amount), new LocalText("The write-offs cannot exceed the {0} the organisation has received.", NetPaid)));
        }

        CheckValueDate(decidedOn, nowUtc, errors);
        var text = CollectText(reason, "Note", "Give the reason for writing the amount off.", errors);
        RulesViolatedException.ThrowIfAny(errors);
        return Write(new LedgerEntry(Id, LedgerEntryKind.WriteOff, amount, 0m, decidedOn, null, byId, by, text, null, null, nowUtc));
    }

    /// <summary>
    /// Corrects a payment or a refund by a new entry of <paramref name="signedAmount"/> (positive: more
    /// reached the grantee; negative: less), naming the entry it corrects, which stays as it was. The
    /// corrected entry keeps its direction (a payment never becomes negative) and the sum paid stays
    /// between zero and the grant's amount.
    /// </summary>
    public LedgerEntry RecordCorrection(Guid correctedEntryId, decimal signedAmount, DateOnly valueDate, string? reference, string reason, Guid byId, string by, DateTime nowUtc)
    {
        EnsureLedgerOpen();
        var original = _ledger.FirstOrDefault(e => e.Id == correctedEntryId)
            ?? throw new DomainException("grant.no-such-entry", "This grant's ledger has no such entry.");
        if (original.Kind is not (LedgerEntryKind.Payment or LedgerEntryKind.Refund))
        {
            throw new DomainException("grant.correct-only-money", "Only a payment or a refund can be corrected.");
        }

        var errors = new List<RuleViolation>();
        if (signedAmount == 0 || decimal.Round(signedAmount, 2) != signedAmount || Math.Abs(signedAmount) > Money.MaximumAmount)
        {
            errors.Add(new RuleViolation(nameof(Amount), "Enter the correction in US dollars, not zero, with at most two decimals."));
        }
        else
        {
            var entryAfter = original.SignedAmount + _ledger.Where(e => e.CorrectsEntryId == original.Id).Sum(e => e.SignedAmount) + signedAmount;
            if (original.Kind == LedgerEntryKind.Payment ? entryAfter < 0 : entryAfter > 0)
            {
                errors.Add(new RuleViolation(nameof(Amount), original.Kind == LedgerEntryKind.Payment ? new LocalText("The correction would turn the payment the other way.") : new LocalText("The correction would turn the refund the other way.")));
            }

            var paidAfter = NetPaid.Amount + signedAmount;
            if (paidAfter < 0 || paidAfter > Amount.Amount)
            {
                errors.Add(new RuleViolation(nameof(Amount), new LocalText("The correction would bring the sum paid to {0}, outside zero to the grant's {1}.", paidAfter, Amount)));
            }
        }

        CheckValueDate(valueDate, nowUtc, errors);
        var checkedReference = CheckReference(reference, required: false, errors);
        var text = CollectText(reason, "Note", "Give the reason for the correction.", errors);
        RulesViolatedException.ThrowIfAny(errors);
        return Write(new LedgerEntry(Id, LedgerEntryKind.Correction, Money.Usd(Math.Abs(signedAmount)), signedAmount, valueDate, checkedReference, byId, by, text, original.InstalmentId, original.Id, nowUtc));
    }

    /// <summary>Puts an instalment on hold, with a reason; it returns to where it was when taken off hold.</summary>
    public void PutInstalmentOnHold(Guid instalmentId, string reason, string by)
    {
        var instalment = FindInstalment(instalmentId);
        instalment.EnsureCan("PutOnHold");
        EnsureNotClosed();
        var text = RequireText(reason, "Reason", "Give the reason for putting the instalment on hold.");
        instalment.PutOnHold(text);
        Raise(new InstalmentStatusChanged(Id, instalment.Id, instalment.Number, instalment.Status, text, by));
    }

    /// <summary>Takes an instalment off hold: it returns to the status it was held from.</summary>
    public void TakeInstalmentOffHold(Guid instalmentId, string by)
    {
        var instalment = FindInstalment(instalmentId);
        EnsureNotClosed();
        instalment.TakeOffHold();
        Raise(new InstalmentStatusChanged(Id, instalment.Id, instalment.Number, instalment.Status, null, by));
    }

    /// <summary>Cancels an instalment not yet paid, with a reason; it will never be paid.</summary>
    public void CancelInstalment(Guid instalmentId, string reason, string by, DateTime nowUtc)
    {
        var instalment = FindInstalment(instalmentId);
        instalment.EnsureCan("Cancelled");
        EnsureNotClosed();
        var text = RequireText(reason, "Reason", "Give the reason for cancelling the instalment.");
        instalment.Cancel(text, by, nowUtc);
        Raise(new InstalmentStatusChanged(Id, instalment.Id, instalment.Number, instalment.Status, text, by));
    }

    /// <summary>Records that the organisation's bank details were verified for this grant's payments.</summary>
    public void RecordBankDetailsVerified(string by, DateTime verifiedAtUtc)
    {
        BankDetailsVerified = true;
        BankDetailsVerifiedAtUtc = verifiedAtUtc;
        BankDetailsVerifiedBy = by;
    }

    /// <summary>
    /// Takes note that the organisation's bank details changed at <paramref name="changedAtUtc"/>. A
    /// change after the last payment (or before any payment) that nobody verified since resets
    /// <see cref="BankDetailsVerified"/> until they are verified again. Returns whether it did.
    /// </summary>
    public bool NoteBankDetailsChanged(DateTime changedAtUtc, bool verifiedSince)
    {
        var verifiedAfterChange = verifiedSince || BankDetailsVerifiedAtUtc > changedAtUtc;
        var afterLastPayment = LastPaymentAtUtc is null || changedAtUtc > LastPaymentAtUtc;
        if (verifiedAfterChange || !afterLastPayment || !BankDetailsVerified)
        {
            return false;
        }

        BankDetailsVerified = false;
        Raise(new BankVerificationReset(Id, OrganisationId, changedAtUtc));
        return true;
    }

    private static string Words(InstalmentStatus status) => status switch
    {
        InstalmentStatus.Planned => "planned",
        InstalmentStatus.Requested => "requested",
        InstalmentStatus.Approved => "approved",
        InstalmentStatus.Paid => "paid",
        InstalmentStatus.OnHold => "on hold",
        InstalmentStatus.Cancelled => "cancelled",
    };

    private static string RequireText(string? text, string field, string message)
    {
        var errors = new List<RuleViolation>();
        var trimmed = CollectText(text, field, message, errors);
        RulesViolatedException.ThrowIfAny(errors);
        return trimmed;
    }

    private static string CollectText(string? text, string field, LocalText message, List<RuleViolation> errors)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length == 0)
        {
            errors.Add(new RuleViolation(field, message));
        }
        else if (trimmed.Length > TextMaxLength)
        {
            errors.Add(new RuleViolation(field, new LocalText("Write at most {0:N0} characters.", TextMaxLength)));
        }

        return trimmed;
    }

    private static string CheckNote(string? note, List<RuleViolation> errors)
    {
        var text = (note ?? string.Empty).Trim();
        if (text.Length > LedgerEntry.NoteMaxLength)
        {
            errors.Add(new RuleViolation("Note", new LocalText("Write at most {0:N0} characters.", LedgerEntry.NoteMaxLength)));
        }

        return text;
    }

    private static void CheckPositive(Money amount, List<RuleViolation> errors)
    {
        if (amount <= Money.Zero)
        {
            errors.Add(new RuleViolation(nameof(Amount), "The amount must be above zero."));
        }
    }

    private static void CheckValueDate(DateOnly date, DateTime nowUtc, List<RuleViolation> errors)
    {
        if (date > DateOnly.FromDateTime(nowUtc))
        {
            errors.Add(new RuleViolation("Date", "The date cannot be in the future."));
        }
    }

    private static void CheckBudget(IReadOnlyList<BudgetLine> lines, List<RuleViolation> errors)
    {
        errors.AddRange(GrantApplication.CheckShape(new ProposalContent { Budget = lines }));
        if (lines.Count == 0)
        {
            errors.Add(new RuleViolation(nameof(Budget), "A budget has at least one line."));
        }
        else if (!lines.All(l => !string.IsNullOrWhiteSpace(l.Description) && l.Quantity > 0 && l.UnitCost > 0))
        {
            errors.Add(new RuleViolation(nameof(Budget), "Every budget line has a description, a quantity and a unit cost above zero."));
        }
    }

    private static Money Sum(IEnumerable<LedgerEntry> entries) => Money.Usd(entries.Sum(e => e.Amount.Amount));

    private Money Sum(LedgerEntryKind kind) => Sum(_ledger.Where(e => e.Kind == kind));

    private bool IsMet(ReleaseCondition condition, ReleaseFacts facts) => condition.Kind switch
    {
        ReleaseConditionKind.AgreementSigned => IsAgreementSigned,
        ReleaseConditionKind.BankDetailsVerified => BankDetailsVerified,
        ReleaseConditionKind.InterimReportAccepted => facts.InterimReportAccepted,
        ReleaseConditionKind.FinalReportAccepted => facts.FinalReportAccepted,
        ReleaseConditionKind.Manual => facts.ManualConditionsMet.Any(m => string.Equals(m.Trim(), condition.Text, StringComparison.OrdinalIgnoreCase)),
    };

    private void EnsureAwaitingSignature(DateOnly? existing, string alreadyRecorded, DateOnly signedOn, DateTime nowUtc)
    {
        if (Status != GrantStatus.AgreementPending)
        {
            throw new DomainException("grant.already-signed", "The agreement is already signed by both parties.");
        }

        if (existing is not null)
        {
            throw new DomainException("grant.signature-recorded", alreadyRecorded);
        }

        var errors = new List<RuleViolation>();
        CheckValueDate(signedOn, nowUtc, errors);
        RulesViolatedException.ThrowIfAny(errors);
    }

    private void ActivateWhenSigned(DateTime nowUtc)
    {
        if (!IsAgreementSigned)
        {
            return;
        }

        Status = Lifecycle.Apply(Status, "Activated");
        ActivatedAtUtc = nowUtc;
        Raise(new GrantActivated(Id, Number, FundSignedOn!.Value, OrganisationSignedOn!.Value));
    }

    private void EnsureAmendable(AmendmentKind kind)
    {
        EnsureNotInClosure();
        if (_amendments.Any(a => a.Kind == kind && a.Status == AmendmentStatus.Pending))
        {
            throw new DomainException("grant.amendment-pending", kind == AmendmentKind.NoCostExtension
                ? "A no-cost extension is already waiting for a decision."
                : "A budget revision is already waiting for a decision.");
        }
    }

    private void EnsureNotInClosure()
    {
        if (Status is GrantStatus.Closing or GrantStatus.Closed)
        {
            throw new DomainException("grant.in-closure", "A grant in closure or closed cannot be amended.");
        }
    }

    private void CheckLaterEnd(DateOnly newEndDate, List<RuleViolation> errors)
    {
        if (newEndDate <= EndDate)
        {
            errors.Add(new RuleViolation(nameof(EndDate), new LocalText("The new end date must be after the current end date, {0}.", EndDate)));
        }
    }

    private GrantAmendment AddAmendment(GrantAmendment amendment)
    {
        _amendments.Add(amendment);
        Raise(new AmendmentRequested(Id, amendment.Id, amendment.Kind, amendment.RequestedBySide, amendment.RequestedBy));
        return amendment;
    }

    private GrantAmendment FindAmendment(Guid amendmentId) =>
        _amendments.FirstOrDefault(a => a.Id == amendmentId)
        ?? throw new DomainException("grant.no-such-amendment", "This grant has no such amendment.");

    private Money? IncreaseOf(GrantAmendment revision, Money? limit)
    {
        var total = revision.NewBudget.Sum(l => l.Total);
        if (total == BudgetTotal || total <= Amount.Amount)
        {
            return null;
        }

        var increase = Money.Usd(total - Amount.Amount);
        if (limit is not { } available)
        {
            throw new DomainException("grant.increase-not-allowed", new LocalText("This revision raises the grant by {0}: approving it needs the amount the call can still fund.", increase));
        }

        if (increase > available)
        {
            throw new DomainException("grant.increase-too-large", new LocalText("This revision raises the grant by {0}, more than the {1} the call can still fund.", increase, available));
        }

        if (_instalments.Count > 0 && !_instalments.Any(i => i.Status == InstalmentStatus.Planned))
        {
            throw new DomainException("grant.increase-no-instalment", "This revision raises the grant, but no planned instalment is left to carry the increase.");
        }

        return increase;
    }

    private Instalment FindInstalment(Guid instalmentId) =>
        _instalments.FirstOrDefault(i => i.Id == instalmentId)
        ?? throw new DomainException("grant.no-such-instalment", "This grant has no such instalment.");

    private void EnsureReleasesOpen()
    {
        var refusal = Status switch
        {
            GrantStatus.Active or GrantStatus.Closing => null,
            GrantStatus.AgreementPending => "The agreement is not yet signed by both parties: no instalment can be released or paid.",
            GrantStatus.Suspended => "The grant is suspended: no instalment can be released or paid until it is resumed.",
            GrantStatus.Closed => "The grant is closed: no instalment can be released or paid.",
        };
        if (refusal is not null)
        {
            throw new DomainException("grant.payments-stopped", refusal);
        }
    }

    private void EnsureNotClosed()
    {
        if (Status == GrantStatus.Closed)
        {
            throw new DomainException("grant.closed", "The grant is closed: nothing in it changes any more.");
        }
    }

    private void EnsureLedgerOpen()
    {
        EnsureNotClosed();
        if (Status == GrantStatus.AgreementPending)
        {
            throw new DomainException("grant.not-signed", "Nothing can be entered in the ledger before the agreement is signed.");
        }
    }

    private void EnsureBankDetailsVerified()
    {
        if (!BankDetailsVerified)
        {
            throw new DomainException("grant.bank-not-verified", "The organisation's bank details are not verified (or changed since the last payment): verify them before any payment.");
        }
    }

    private void EnsureWithinAmount(Money amount)
    {
        var after = NetPaid + amount;
        if (after > Amount)
        {
            throw new DomainException("grant.overpayment", new LocalText("This payment would bring the sum paid to {0}, more than the grant's {1}.", after, Amount));
        }
    }

    private string? CheckReference(string? reference, bool required, List<RuleViolation> errors)
    {
        var text = (reference ?? string.Empty).Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(new RuleViolation("Reference", "Enter the payment reference."));
            }

            return null;
        }

        if (text.Length > LedgerEntry.ReferenceMaxLength)
        {
            errors.Add(new RuleViolation("Reference", new LocalText("A reference has at most {0} characters.", LedgerEntry.ReferenceMaxLength)));
        }
        else if (_ledger.Any(e => string.Equals(e.Reference, text, StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(new RuleViolation("Reference", new LocalText("The reference {0} is already used on this grant.", text)));
        }

        return text;
    }

    private LedgerEntry Write(LedgerEntry entry)
    {
        _ledger.Add(entry);
        Raise(new LedgerEntryRecorded(Id, entry.Id, entry.Kind, entry.SignedAmount, entry.Reference, entry.InstalmentId));
        return entry;
    }
}
