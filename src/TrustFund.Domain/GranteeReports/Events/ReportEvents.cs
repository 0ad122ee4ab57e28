using TrustFund.Domain.Common;

namespace TrustFund.Domain.GranteeReports.Events;

/// <summary>A grantee submitted (or resubmitted) a report.</summary>
public sealed record ReportSubmitted(Guid ReportId, Guid GrantId, ReportKind Kind, int Sequence, int SubmissionNumber, bool PersonalDataAttested) : IDomainEvent;

/// <summary>A fund manager asked the grantee to revise a submitted report.</summary>
public sealed record ReportRevisionRequested(Guid ReportId, Guid GrantId, ReportKind Kind, int Sequence, string Comment, DateOnly? ResubmitBy) : IDomainEvent;

/// <summary>A fund manager accepted a report; instalment conditions on interim or final reports read this.</summary>
public sealed record ReportAccepted(Guid ReportId, Guid GrantId, ReportKind Kind, int Sequence, string AcceptedBy, DateTime AcceptedAtUtc) : IDomainEvent;
