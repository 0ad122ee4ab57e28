using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Home;

/// <summary>Each role's home page, at the site root after sign-in.</summary>
[Route("")]
public sealed class HomeController : Controller
{
    private readonly TrustFundDbContext _db;

    public HomeController(TrustFundDbContext db)
    {
        _db = db;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Administrator))
        {
            return View("Administrator", await AdministratorHome(cancellationToken));
        }

        if (User.IsInRole(Roles.FundManager))
        {
            return View("FundManager", await FundManagerHome(cancellationToken));
        }

        if (User.IsInRole(Roles.FinanceOfficer))
        {
            return View("FinanceOfficer");
        }

        if (User.IsInRole(Roles.Reviewer))
        {
            return View("Reviewer");
        }

        if (User.IsInRole(Roles.Applicant))
        {
            var home = await ApplicantHome(cancellationToken);
            return home is null ? View("NoRole") : View("Applicant", home);
        }

        return View("NoRole");
    }

    private async Task<ApplicantHomeModel?> ApplicantHome(CancellationToken cancellationToken)
    {
        var userId = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var organisation = await (
            from u in _db.Users
            where u.Id == userId
            join o in _db.Organisations on u.OrganisationId equals o.Id
            select new { o.Id, o.LegalName, o.Status, o.StatusReason }).SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var colleagues = await _db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisation.Id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new ColleagueRow(u.DisplayName, u.Email!, u.IsActive))
            .ToListAsync(cancellationToken);
        return new ApplicantHomeModel(organisation.LegalName, organisation.Status, organisation.StatusReason, colleagues);
    }

    private async Task<FundManagerHomeModel> FundManagerHome(CancellationToken cancellationToken)
    {
        var pending = await _db.Organisations.AsNoTracking()
            .Where(o => o.Status == OrganisationStatus.PendingVerification)
            .OrderBy(o => o.RegisteredAtUtc)
            .Select(o => new PendingOrganisationRow(o.LegalName, o.CountryOfRegistration, o.RegisteredAtUtc))
            .Take(20)
            .ToListAsync(cancellationToken);
        var pendingCount = await _db.Organisations.CountAsync(o => o.Status == OrganisationStatus.PendingVerification, cancellationToken);
        return new FundManagerHomeModel(pendingCount, pending);
    }

    private async Task<AdministratorHomeModel> AdministratorHome(CancellationToken cancellationToken)
    {
        var usersByRole = await (
            from userRole in _db.UserRoles
            join role in _db.Roles on userRole.RoleId equals role.Id
            group userRole by role.Name into g
            select new { Role = g.Key!, Count = g.Count() }).ToListAsync(cancellationToken);
        var inactive = await _db.Users.CountAsync(u => !u.IsActive, cancellationToken);
        var recent = await _db.AuditEntries.AsNoTracking()
            .OrderByDescending(e => e.Sequence)
            .Take(10)
            .Select(e => new RecentAuditRow(e.Sequence, e.OccurredAtUtc, e.ActorName, e.Action, e.Summary))
            .ToListAsync(cancellationToken);
        return new AdministratorHomeModel(
            Roles.All.ToDictionary(r => r, r => usersByRole.FirstOrDefault(x => x.Role == r)?.Count ?? 0),
            inactive,
            recent);
    }
}
