namespace TrustFund.Domain.Calls;

/// <summary>
/// Every parameter of a call (window). Numbers that change from call to call live here, never as
/// constants in code. Instants are UTC; <see cref="TimeZoneId"/> (IANA) is how they are shown.
/// </summary>
public sealed record CallTerms
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    public required WindowType WindowType { get; init; }

    public string Description { get; init; } = string.Empty;

    public required DateTime OpensAtUtc { get; init; }

    public required DateTime ClosesAtUtc { get; init; }

    public required string TimeZoneId { get; init; }

    public DateTime? ClarificationDeadlineUtc { get; init; }

    public DateOnly? AnswersPublishedOn { get; init; }

    public required decimal MinimumAmount { get; init; }

    public required decimal MaximumAmount { get; init; }

    public required int MaximumDurationMonths { get; init; }

    public required decimal Envelope { get; init; }

    /// <summary>UN M49 codes of eligible regions, sub-regions or countries; empty means worldwide.</summary>
    public IReadOnlyList<string> EligibleAreas { get; init; } = [];

    public IReadOnlyList<ExploitationForm> PriorityForms { get; init; } = [];

    /// <summary>Assistance types the call funds; empty means all.</summary>
    public IReadOnlyList<AssistanceType> AllowedAssistance { get; init; } = [];

    /// <summary>Organisations must be registered before this date.</summary>
    public DateOnly? RegistrationCutoff { get; init; }

    public int MinimumYearsOfExperience { get; init; }

    public IReadOnlyList<ProposalLanguage> AcceptedLanguages { get; init; } = [ProposalLanguage.English, ProposalLanguage.French];

    public IReadOnlyList<DocumentType> RequiredDocuments { get; init; } = [];

    public int ReviewersPerApplication { get; init; } = 3;

    /// <summary>Criteria are scored in whole points from 0 to this number.</summary>
    public int ScoreScaleMaximum { get; init; } = 5;

    /// <summary>Days a reviewer has from assignment to the due date.</summary>
    public int ReviewDays { get; init; } = 21;

    /// <summary>An application whose review scores spread by at least this many points (of 100) is flagged.</summary>
    public int DisagreementThreshold { get; init; } = 25;

    /// <summary>Applications scoring under this (0-100) are marked on the ranking; null for none.</summary>
    public int? MinimumScore { get; init; }

    /// <summary>Whether reviewers see the other reviews of an application once they have submitted their own.</summary>
    public bool ReviewersSeeOtherReviews { get; init; }

    /// <summary>Which score orders the ranking.</summary>
    public Reviews.RankingBasis RankBy { get; init; } = Reviews.RankingBasis.Normalised;

    /// <summary>Instalment percentages of an awarded grant, summing to 100 (e.g. 80/20 or 40/40/20).</summary>
    public IReadOnlyList<int> TrancheTemplate { get; init; } = [40, 40, 20];

    /// <summary>How an awarded grant's reports are scheduled: interim reports and the days after their periods they are due.</summary>
    public GranteeReports.ReportScheduleTerms Reporting { get; init; } = GranteeReports.ReportScheduleTerms.Default;

    public IReadOnlyList<RubricCriterion> Rubric { get; init; } = DefaultRubric.Criteria;

    public bool AllowsSeveralApplicationsPerOrganisation { get; init; }
}
