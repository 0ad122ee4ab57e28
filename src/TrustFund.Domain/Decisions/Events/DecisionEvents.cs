using TrustFund.Domain.Common;

namespace TrustFund.Domain.Decisions.Events;

/// <summary>A fund manager recorded a session of the Board of Trustees for a call.</summary>
public sealed record BoardSessionRecorded(Guid SessionId, Guid CallId, string Number, DateOnly HeldOn) : IDomainEvent;

/// <summary>The Board's decision on an application was recorded (the applicant is told of the outcome).</summary>
public sealed record BoardDecisionRecorded(
    Guid SessionId,
    Guid CallId,
    Guid DecisionId,
    Guid ApplicationId,
    DecisionOutcome Outcome,
    decimal? Amount,
    bool DepartsFromRanking) : IDomainEvent;

/// <summary>A fund manager released the Board's feedback on a decision to the applicant.</summary>
public sealed record DecisionFeedbackReleased(Guid SessionId, Guid DecisionId, Guid ApplicationId, string Feedback) : IDomainEvent;
