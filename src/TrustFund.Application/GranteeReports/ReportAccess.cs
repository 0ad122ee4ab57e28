namespace TrustFund.Application.GranteeReports;

/// <summary>What authorization needs to know of a grant's reports: the grantee organisation.</summary>
public sealed record ReportAccess(Guid OrganisationId);
