using System.Globalization;
using TrustFund.Domain.Calls.Events;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;

namespace TrustFund.Domain.Calls;

/// <summary>
/// A call for proposals (one funding window). Fund managers draft, publish and close it; its terms
/// decide what an application must meet. Once published, its terms change only by numbered
/// amendments with a reason. The rubric locks once the first review is submitted. Deadlines are
/// named to the minute and include that whole minute (<see cref="Deadline"/>).
/// </summary>
public sealed class Call : AggregateRoot
{
    public const int CodeMaxLength = 20;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int AmendmentReasonMaxLength = 2_000;

    private static readonly TransitionTable<CallStatus> Lifecycle = new TransitionTable<CallStatus>("Call", "A call that is {0} cannot be {1}.")
        .Allow(CallStatus.Draft, "Published", CallStatus.Published)
        .Allow(CallStatus.Published, "Closed", CallStatus.Closed)
        .Allow(CallStatus.Closed, "Decided", CallStatus.Decided)
        .Allow(CallStatus.Decided, "Archived", CallStatus.Archived)
        .Describe(CallStatus.Draft, "a draft");

    private Call()
    {
        Terms = null!;
    }

    public CallStatus Status { get; private set; }

    /// <summary>The call's parameters (stored as one document: they are read and changed together).</summary>
    public CallTerms Terms { get; private set; }

    /// <summary>Short code used in reference numbers, e.g. <c>ST</c>; unique.</summary>
    public string Code { get; private set; } = string.Empty;

    /// <summary>Copied from the terms so lists can filter and sort in the database.</summary>
    public DateTime ClosesAtUtc { get; private set; }

    public DateTime OpensAtUtc { get; private set; }

    public string Title { get; private set; } = string.Empty;

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? PublishedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>The amendments made to the terms since publication, oldest first.</summary>
    public IReadOnlyList<CallAmendment> Amendments { get; private set; } = [];

    /// <summary>Set when the first review is submitted; the rubric cannot change after.</summary>
    public DateTime? RubricLockedAtUtc { get; private set; }

    public static IEnumerable<(CallStatus From, string Action, CallStatus To)> Transitions => Lifecycle.Moves;

    /// <summary>Drafts a new call; nothing is visible to applicants until it is published.</summary>
    public static Call Draft(CallTerms terms, DateTime nowUtc)
    {
        RulesViolatedException.ThrowIfAny(Check(terms));
        var call = new Call { Status = CallStatus.Draft, CreatedAtUtc = nowUtc };
        call.Apply(terms);
        return call;
    }

    /// <summary>Rules every set of terms must meet, each tied to its field.</summary>
    public static IReadOnlyList<RuleViolation> Check(CallTerms terms)
    {
        var errors = new List<RuleViolation>();
        void Fail(string field, LocalText message) => errors.Add(new RuleViolation(field, message));

        if (string.IsNullOrWhiteSpace(terms.Code) || terms.Code.Length > CodeMaxLength || !terms.Code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            Fail(nameof(CallTerms.Code), new LocalText("Enter a code of 1 to {0} letters, digits or hyphens, such as ST or 2026-MT.", CodeMaxLength));
        }

        if (string.IsNullOrWhiteSpace(terms.Title) || terms.Title.Length > TitleMaxLength)
        {
            Fail(nameof(CallTerms.Title), new LocalText("Enter a title of at most {0} characters.", TitleMaxLength));
        }

        if (terms.Description.Length > DescriptionMaxLength)
        {
            Fail(nameof(CallTerms.Description), new LocalText("The description must be {0:N0} characters or fewer.", DescriptionMaxLength));
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(terms.TimeZoneId ?? string.Empty, out _))
        {
            Fail(nameof(CallTerms.TimeZoneId), "Choose a time zone from the list.");
        }

        if (terms.ClosesAtUtc <= terms.OpensAtUtc)
        {
            Fail(nameof(CallTerms.ClosesAtUtc), "The closing date must be after the opening date.");
        }

        if (terms.ClarificationDeadlineUtc is { } clarification
            && (clarification > terms.ClosesAtUtc || clarification < terms.OpensAtUtc))
        {
            Fail(nameof(CallTerms.ClarificationDeadlineUtc), "The clarification deadline must fall between the opening and the closing date.");
        }

        CheckAmount(terms.MinimumAmount, nameof(CallTerms.MinimumAmount), new LocalText("Enter the minimum amount in US dollars, zero or more, with at most two decimals."), errors);
        CheckAmount(terms.MaximumAmount, nameof(CallTerms.MaximumAmount), new LocalText("Enter the maximum amount in US dollars, zero or more, with at most two decimals."), errors);
        CheckAmount(terms.Envelope, nameof(CallTerms.Envelope), new LocalText("Enter the total envelope in US dollars, zero or more, with at most two decimals."), errors);
        if (terms.MaximumAmount <= 0)
        {
            Fail(nameof(CallTerms.MaximumAmount), "The maximum amount must be more than zero.");
        }

        if (terms.MinimumAmount > terms.MaximumAmount)
        {
            Fail(nameof(CallTerms.MinimumAmount), "The minimum amount cannot be more than the maximum amount.");
        }

        if (terms.MaximumAmount > terms.Envelope)
        {
            Fail(nameof(CallTerms.Envelope), "The total envelope must be at least the maximum amount of one grant.");
        }

        if (terms.MaximumDurationMonths is < 1 or > 60)
        {
            Fail(nameof(CallTerms.MaximumDurationMonths), "The maximum duration must be between 1 and 60 months.");
        }

        foreach (var code in terms.EligibleAreas.Where(c => UnM49.ByCode(c) is null))
        {
            Fail(nameof(CallTerms.EligibleAreas), new LocalText("'{0}' is not a UN M49 region or country code.", code));
        }

        if (terms.MinimumYearsOfExperience is < 0 or > 20)
        {
            Fail(nameof(CallTerms.MinimumYearsOfExperience), "Minimum years of experience must be between 0 and 20.");
        }

        if (terms.AcceptedLanguages.Count == 0)
        {
            Fail(nameof(CallTerms.AcceptedLanguages), "Choose at least one language proposals may be written in.");
        }

        if (terms.ReviewersPerApplication is < 1 or > 10)
        {
            Fail(nameof(CallTerms.ReviewersPerApplication), "Reviewers per application must be between 1 and 10.");
        }

        if (terms.ScoreScaleMaximum is < 1 or > 100)
        {
            Fail(nameof(CallTerms.ScoreScaleMaximum), "The top of the scoring scale must be a whole number from 1 to 100.");
        }

        if (terms.ReviewDays is < 1 or > 365)
        {
            Fail(nameof(CallTerms.ReviewDays), "Reviewers need between 1 and 365 days.");
        }

        if (terms.DisagreementThreshold is < 1 or > 100)
        {
            Fail(nameof(CallTerms.DisagreementThreshold), "The disagreement threshold must be from 1 to 100 points.");
        }

        if (terms.MinimumScore is < 0 or > 100)
        {
            Fail(nameof(CallTerms.MinimumScore), "The minimum score must be from 0 to 100.");
        }

        if (terms.TrancheTemplate.Count == 0 || terms.TrancheTemplate.Any(p => p <= 0) || terms.TrancheTemplate.Sum() != 100)
        {
            Fail(nameof(CallTerms.TrancheTemplate), "Instalment percentages must each be more than zero and add up to 100.");
        }

        CheckRubric(terms.Rubric, errors);
        return errors;
    }

    /// <summary>
    /// Changes the terms. A draft changes freely. A published call's change is an amendment: it needs a
    /// reason, is numbered and kept with what changed, and raises <see cref="CallAmended"/> (so the
    /// organisations concerned are told). Returns the amendment, or null for a draft or when nothing changed.
    /// </summary>
    public CallAmendment? Amend(CallTerms terms, string? reason, string amendedBy, DateTime nowUtc)
    {
        if (Status is not (CallStatus.Draft or CallStatus.Published))
        {
            throw new DomainException("call.not-editable", "Only a draft or published call can be changed.");
        }

        var errors = Check(terms).ToList();
        if (RubricLockedAtUtc is not null && (!terms.Rubric.SequenceEqual(Terms.Rubric) || terms.ScoreScaleMaximum != Terms.ScoreScaleMaximum))
        {
            errors.Add(new RuleViolation(nameof(CallTerms.Rubric), "The rubric is locked: reviews have already been submitted against it."));
        }

        if (Status == CallStatus.Published && !string.Equals(Normalise(terms).Code, Code, StringComparison.Ordinal))
        {
            errors.Add(new RuleViolation(nameof(CallTerms.Code), "The code of a published call cannot change: reference numbers use it."));
        }

        var changes = Status == CallStatus.Published ? Differences(Terms, Normalise(terms)) : [];
        var why = reason?.Trim() ?? string.Empty;
        if (changes.Count > 0 && why.Length == 0)
        {
            errors.Add(new RuleViolation(nameof(CallAmendment.Reason), "This call is published: give the reason for the amendment. It is sent to the organisations with drafts or submissions."));
        }

        if (why.Length > AmendmentReasonMaxLength)
        {
            errors.Add(new RuleViolation(nameof(CallAmendment.Reason), new LocalText("The reason must be {0:N0} characters or fewer.", AmendmentReasonMaxLength)));
        }

        RulesViolatedException.ThrowIfAny(errors);
        var previousClosing = ClosesAtUtc;
        Apply(terms);
        if (changes.Count == 0)
        {
            return null;
        }

        var amendment = new CallAmendment(Amendments.Count + 1, nowUtc, amendedBy, why, changes);
        Amendments = [.. Amendments, amendment];
        Raise(new CallAmended(Id, Code, Title, amendment, ClosesAtUtc, Terms.TimeZoneId, previousClosing != ClosesAtUtc ? previousClosing : null));
        return amendment;
    }

    /// <summary>Opens the call to applicants (from its opening instant).</summary>
    public void Publish(DateTime nowUtc)
    {
        if (!IsOnTime(nowUtc))
        {
            throw new DomainException("call.closing-passed", "The closing date has passed: move it before publishing.");
        }

        Status = Lifecycle.Apply(Status, "Published");
        PublishedAtUtc = nowUtc;
        Raise(new CallPublished(Id, Code));
    }

    /// <summary>Closes the call: no more submissions.</summary>
    public void Close(DateTime nowUtc)
    {
        Status = Lifecycle.Apply(Status, "Closed");
        ClosedAtUtc = nowUtc;
        Raise(new CallClosed(Id, Code));
    }

    /// <summary>Deletes a call that no application uses (a draft made by mistake); the caller removes it from storage.</summary>
    public void Delete(int applications)
    {
        if (applications > 0)
        {
            throw new DomainException("call.has-applications", new LocalText("This call cannot be deleted: it has {0} application(s). Close it instead.", applications));
        }

        Raise(new CallDeleted(Id, Code, Title));
    }

    /// <summary>Records that the Board has decided on the call's applications.</summary>
    public void MarkDecided() => Status = Lifecycle.Apply(Status, "Decided");

    public void Archive() => Status = Lifecycle.Apply(Status, "Archived");

    /// <summary>
    /// Changes how the call's review runs (reviewers per application, days to review, disagreement
    /// threshold, minimum score, visibility of other reviews, ranking basis) while it is published or
    /// closed; the rubric and the scale are not among them. Returns the changes, empty when none.
    /// </summary>
    public IReadOnlyList<TermChange> ChangeReviewSettings(int reviewersPerApplication, int reviewDays, int disagreementThreshold, int? minimumScore, bool reviewersSeeOtherReviews, Reviews.RankingBasis rankBy)
    {
        if (Status is not (CallStatus.Published or CallStatus.Closed))
        {
            throw new DomainException("call.review-settings", "Review settings change only while the call is published or closed.");
        }

        var terms = Terms with
        {
            ReviewersPerApplication = reviewersPerApplication,
            ReviewDays = reviewDays,
            DisagreementThreshold = disagreementThreshold,
            MinimumScore = minimumScore,
            ReviewersSeeOtherReviews = reviewersSeeOtherReviews,
            RankBy = Enum.IsDefined(rankBy) ? rankBy : throw new DomainException("call.rank-by", "Choose raw or normalised scores for the ranking."),
        };
        var errors = Check(terms).ToList();
        if (errors.Count > 0)
        {
            throw new RulesViolatedException(errors);
        }

        var changes = Differences(Terms, terms);
        Terms = terms;
        return changes;
    }

    /// <summary>Locks the rubric when the first review is submitted.</summary>
    public void LockRubric(DateTime nowUtc) => RubricLockedAtUtc ??= nowUtc;

    /// <summary>Whether an application can be submitted at <paramref name="nowUtc"/> (the server's clock).</summary>
    public bool AcceptsSubmissionsAt(DateTime nowUtc) =>
        Status == CallStatus.Published && nowUtc >= Terms.OpensAtUtc && IsOnTime(nowUtc);

    /// <summary>Whether applicants may start drafts (published and not past closing).</summary>
    public bool AcceptsDraftsAt(DateTime nowUtc) =>
        Status == CallStatus.Published && IsOnTime(nowUtc);

    /// <summary>Whether clarification questions are still accepted.</summary>
    public bool AcceptsQuestionsAt(DateTime nowUtc) =>
        Status == CallStatus.Published && Deadline.IsMet(Terms.ClarificationDeadlineUtc ?? Terms.ClosesAtUtc, nowUtc);

    /// <summary>Whether <paramref name="instantUtc"/> is within the closing deadline (its whole minute included).</summary>
    public bool IsOnTime(DateTime instantUtc) => Deadline.IsMet(Terms.ClosesAtUtc, instantUtc);

    /// <summary>Whether a country (ISO alpha-3) is eligible: worldwide calls accept all.</summary>
    public bool IsEligibleCountry(string iso3) =>
        Terms.EligibleAreas.Count == 0 || Terms.EligibleAreas.Any(area => UnM49.IsWithin(iso3, area) || string.Equals(UnM49.CountryByIso3(iso3)?.Code, area, StringComparison.Ordinal));

    private static void CheckAmount(decimal amount, string field, LocalText message, List<RuleViolation> errors)
    {
        if (amount < 0 || decimal.Round(amount, 2) != amount || amount > Money.MaximumAmount)
        {
            errors.Add(new RuleViolation(field, message));
        }
    }

    private static void CheckRubric(IReadOnlyList<RubricCriterion> rubric, List<RuleViolation> errors)
    {
        const string field = nameof(CallTerms.Rubric);
        if (rubric.Count == 0)
        {
            errors.Add(new RuleViolation(field, "The rubric needs at least one criterion."));
            return;
        }

        if (rubric.Any(c => string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 200))
        {
            errors.Add(new RuleViolation(field, "Every criterion needs a name of at most 200 characters."));
        }

        if (rubric.Any(c => c.Weight is < 1 or > 100))
        {
            errors.Add(new RuleViolation(field, "Every criterion's weight must be between 1 and 100."));
        }

        if (rubric.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != rubric.Count)
        {
            errors.Add(new RuleViolation(field, "Two criteria have the same key."));
        }

        var total = rubric.Sum(c => c.Weight);
        if (total != 100)
        {
            errors.Add(new RuleViolation(field, new LocalText("The weights of the rubric must add up to 100; they add up to {0}.", total)));
        }
    }

    private void Apply(CallTerms terms)
    {
        Terms = Normalise(terms);
        Code = Terms.Code;
        Title = Terms.Title;
        OpensAtUtc = Terms.OpensAtUtc;
        ClosesAtUtc = Terms.ClosesAtUtc;
    }

    // Deadlines are kept to the minute they are named by; codes upper-case; lists without repeats.
    private static CallTerms Normalise(CallTerms terms) => terms with
    {
        Code = terms.Code.Trim().ToUpperInvariant(),
        Title = terms.Title.Trim(),
        OpensAtUtc = Deadline.ToMinute(DateTime.SpecifyKind(terms.OpensAtUtc, DateTimeKind.Utc)),
        ClosesAtUtc = Deadline.ToMinute(DateTime.SpecifyKind(terms.ClosesAtUtc, DateTimeKind.Utc)),
        ClarificationDeadlineUtc = terms.ClarificationDeadlineUtc is { } clarification
            ? Deadline.ToMinute(DateTime.SpecifyKind(clarification, DateTimeKind.Utc))
            : null,
    };

    /// <summary>Every term that differs, as invariant text (lists compared without regard to order).</summary>
    private static List<TermChange> Differences(CallTerms before, CallTerms after)
    {
        var changes = new List<TermChange>();
        void Compare(string term, string was, string now)
        {
            if (!string.Equals(was, now, StringComparison.Ordinal))
            {
                changes.Add(new TermChange(term, was, now));
            }
        }

        static string Instant(DateTime? utc) => utc?.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "-";
        static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
        static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
        static string Set<T>(IEnumerable<T> values) => string.Join(", ", values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));

        Compare(nameof(CallTerms.Title), before.Title, after.Title);
        Compare(nameof(CallTerms.WindowType), before.WindowType.ToString(), after.WindowType.ToString());
        Compare(nameof(CallTerms.Description), before.Description, after.Description);
        Compare(nameof(CallTerms.OpensAtUtc), Instant(before.OpensAtUtc), Instant(after.OpensAtUtc));
        Compare(nameof(CallTerms.ClosesAtUtc), Instant(before.ClosesAtUtc), Instant(after.ClosesAtUtc));
        Compare(nameof(CallTerms.TimeZoneId), before.TimeZoneId, after.TimeZoneId);
        Compare(nameof(CallTerms.ClarificationDeadlineUtc), Instant(before.ClarificationDeadlineUtc), Instant(after.ClarificationDeadlineUtc));
        Compare(nameof(CallTerms.AnswersPublishedOn), Date(before.AnswersPublishedOn), Date(after.AnswersPublishedOn));
        Compare(nameof(CallTerms.MinimumAmount), Amount(before.MinimumAmount), Amount(after.MinimumAmount));
        Compare(nameof(CallTerms.MaximumAmount), Amount(before.MaximumAmount), Amount(after.MaximumAmount));
        Compare(nameof(CallTerms.MaximumDurationMonths), Number(before.MaximumDurationMonths), Number(after.MaximumDurationMonths));
        Compare(nameof(CallTerms.Envelope), Amount(before.Envelope), Amount(after.Envelope));
        Compare(nameof(CallTerms.EligibleAreas), Set(before.EligibleAreas), Set(after.EligibleAreas));
        Compare(nameof(CallTerms.PriorityForms), Set(before.PriorityForms), Set(after.PriorityForms));
        Compare(nameof(CallTerms.AllowedAssistance), Set(before.AllowedAssistance), Set(after.AllowedAssistance));
        Compare(nameof(CallTerms.RegistrationCutoff), Date(before.RegistrationCutoff), Date(after.RegistrationCutoff));
        Compare(nameof(CallTerms.MinimumYearsOfExperience), Number(before.MinimumYearsOfExperience), Number(after.MinimumYearsOfExperience));
        Compare(nameof(CallTerms.AcceptedLanguages), Set(before.AcceptedLanguages), Set(after.AcceptedLanguages));
        Compare(nameof(CallTerms.RequiredDocuments), Set(before.RequiredDocuments), Set(after.RequiredDocuments));
        Compare(nameof(CallTerms.ReviewersPerApplication), Number(before.ReviewersPerApplication), Number(after.ReviewersPerApplication));
        Compare(nameof(CallTerms.ScoreScaleMaximum), Number(before.ScoreScaleMaximum), Number(after.ScoreScaleMaximum));
        Compare(nameof(CallTerms.ReviewDays), Number(before.ReviewDays), Number(after.ReviewDays));
        Compare(nameof(CallTerms.DisagreementThreshold), Number(before.DisagreementThreshold), Number(after.DisagreementThreshold));
        Compare(nameof(CallTerms.MinimumScore), before.MinimumScore is { } m1 ? Number(m1) : string.Empty, after.MinimumScore is { } m2 ? Number(m2) : string.Empty);
        Compare(nameof(CallTerms.ReviewersSeeOtherReviews), before.ReviewersSeeOtherReviews.ToString(), after.ReviewersSeeOtherReviews.ToString());
        Compare(nameof(CallTerms.RankBy), before.RankBy.ToString(), after.RankBy.ToString());
        Compare(nameof(CallTerms.TrancheTemplate), string.Join("/", before.TrancheTemplate), string.Join("/", after.TrancheTemplate));
        Compare(nameof(CallTerms.Rubric), string.Join("; ", before.Rubric.Select(c => $"{c.Name} {c.Weight}")), string.Join("; ", after.Rubric.Select(c => $"{c.Name} {c.Weight}")));
        Compare(nameof(CallTerms.AllowsSeveralApplicationsPerOrganisation), before.AllowsSeveralApplicationsPerOrganisation.ToString(), after.AllowsSeveralApplicationsPerOrganisation.ToString());
        return changes;
    }
}
