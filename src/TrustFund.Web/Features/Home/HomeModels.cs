using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.Home;

public sealed record ApplicantHomeModel(string OrganisationName, OrganisationStatus Status, string? StatusReason, IReadOnlyList<ColleagueRow> Colleagues);

public sealed record ColleagueRow(string Name, string Email, bool IsActive);

public sealed record FundManagerHomeModel(int PendingCount, IReadOnlyList<PendingOrganisationRow> Pending);

public sealed record PendingOrganisationRow(string LegalName, string Country, DateTime RegisteredAtUtc);

public sealed record AdministratorHomeModel(IReadOnlyDictionary<string, int> UsersByRole, int InactiveUsers, IReadOnlyList<RecentAuditRow> RecentAudit);

public sealed record RecentAuditRow(long Sequence, DateTime OccurredAtUtc, string? Actor, string Action, string Summary);
