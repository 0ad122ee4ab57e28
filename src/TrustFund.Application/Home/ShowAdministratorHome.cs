using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Application.Home;

/// <summary>An administrator's home page: users per role, deactivated accounts and the latest audit entries.</summary>
public sealed record ShowAdministratorHome : IUseCase<AdministratorHomeModel>
{
    public const int RecentEntries = 10;
}

public sealed record AdministratorHomeModel(IReadOnlyDictionary<string, int> UsersByRole, int InactiveUsers, IReadOnlyList<RecentAuditRow> RecentAudit);

public sealed record RecentAuditRow(long Sequence, DateTime OccurredAtUtc, string? Actor, string Action, string Summary);

internal sealed class ShowAdministratorHomeHandler : IUseCaseHandler<ShowAdministratorHome, AdministratorHomeModel>
{
    private readonly ITrustFundDb _db;

    public ShowAdministratorHomeHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<AdministratorHomeModel> HandleAsync(ShowAdministratorHome request, CancellationToken cancellationToken)
    {
        var usersByRole = await (
            from userRole in _db.UserRoles
            join role in _db.Roles on userRole.RoleId equals role.Id
            group userRole by role.Name into g
            select new { Role = g.Key!, Count = g.Count() }).ToListAsync(cancellationToken);
        var inactive = await _db.Users.CountAsync(u => !u.IsActive, cancellationToken);
        var recent = await _db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Take(ShowAdministratorHome.RecentEntries)
            .Select(e => new RecentAuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.Action, e.Summary))
            .ToListAsync(cancellationToken);
        return new AdministratorHomeModel(
            Roles.All.ToDictionary(r => r, r => usersByRole.FirstOrDefault(x => x.Role == r)?.Count ?? 0),
            inactive,
            recent);
    }
}
