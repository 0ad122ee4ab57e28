using System.Data;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Documents;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// The applicant's journey: my applications, starting a draft, the sections, documents, submission,
/// withdrawal and versions. Every record is looked up within the user's own organisation; anything
/// else answers 404.
/// </summary>
[Route("Applications")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed partial class ApplicationsController : Controller
{
    private readonly TrustFundDbContext _db;
    private readonly TimeProvider _clock;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _email;
    private readonly IFileStore _files;
    private readonly IAntiforgery _antiforgery;
    private readonly IStringLocalizer<SharedResource> _text;

    public ApplicationsController(
        TrustFundDbContext db,
        TimeProvider clock,
        IAuditTrail audit,
        IEmailOutbox email,
        IFileStore files,
        IAntiforgery antiforgery,
        IStringLocalizer<SharedResource> text)
    {
        _db = db;
        _clock = clock;
        _audit = audit;
        _email = email;
        _files = files;
        _antiforgery = antiforgery;
        _text = text;
    }

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var applicant = await CurrentApplicantAsync(cancellationToken);
        if (applicant is null)
        {
            return NotFound();
        }

        var rows = await (
            from a in _db.Applications.AsNoTracking()
            join c in _db.Calls.AsNoTracking() on a.CallId equals c.Id
            where a.OrganisationId == applicant.OrganisationId
            orderby a.LastEditedAtUtc descending
            select new { a.Id, a.Title, c.Code, CallTitle = c.Title, a.Reference, a.Status, a.LastEditedAtUtc, c.ClosesAtUtc, c.Terms })
            .ToListAsync(cancellationToken);
        var now = Now;
        var openCalls = await _db.Calls.AsNoTracking()
            .Where(c => c.Status == CallStatus.Published && c.ClosesAtUtc >= now)
            .OrderBy(c => c.ClosesAtUtc)
            .ToListAsync(cancellationToken);
        var existing = rows.Where(r => r.Status != ApplicationStatus.Withdrawn).ToList();
        var verified = await _db.Organisations.AnyAsync(o => o.Id == applicant.OrganisationId && o.Status == OrganisationStatus.Verified, cancellationToken);
        return View(new MyApplicationsModel(
            rows.Select(r => new MyApplicationRow(r.Id, r.Title, r.Code, r.CallTitle, r.Reference, r.Status, r.LastEditedAtUtc, Labels.InZone(r.ClosesAtUtc, r.Terms.TimeZoneId))).ToList(),
            openCalls.Select(c => new OpenCallRow(
                c.Id,
                c.Code,
                c.Title,
                Labels.InZone(c.ClosesAtUtc, c.Terms.TimeZoneId),
                c.Terms.AllowsSeveralApplicationsPerOrganisation ? null : existing.FirstOrDefault(r => r.Code == c.Code)?.Id)).ToList(),
            verified));
    }

    [HttpPost("Start")]
    public async Task<IActionResult> Start(Guid callId, CancellationToken cancellationToken)
    {
        var applicant = await CurrentApplicantAsync(cancellationToken);
        if (applicant is null)
        {
            return NotFound();
        }

        var call = await _db.Calls.AsNoTracking().SingleOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, cancellationToken);
        if (call is null)
        {
            return NotFound();
        }

        // Serializable: two simultaneous clicks cannot both see "no application yet" and both insert
        // (SQLite takes the write lock at once; PostgreSQL and SQL Server refuse one of the two).
        GrantApplication application;
        try
        {
            await using var transaction = await _db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
            if (await ExistingApplicationAsync(applicant, call) is { } existingId)
            {
                TempData["Notice"] = _text["Your organisation already has an application for this call, so we have opened it. A call accepts one application per organisation."].Value;
                return Redirect($"/Applications/{existingId}");
            }

            // Read in the transaction, so the application starts with the name a rename did not miss.
            var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == applicant.OrganisationId, cancellationToken);
            try
            {
                application = GrantApplication.Start(call, organisation, applicant.Name, Now);
            }
            catch (DomainException)
            {
                TempData["Notice"] = _text["This call is not open for applications any more."].Value;
                return Redirect("/Applications");
            }

            _db.Applications.Add(application);
            await _db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException or InvalidOperationException)
        {
            _db.ChangeTracker.Clear();
            if (await ExistingApplicationAsync(applicant, call) is { } existingId)
            {
                TempData["Notice"] = _text["Your organisation already has an application for this call, so we have opened it. A call accepts one application per organisation."].Value;
                return Redirect($"/Applications/{existingId}");
            }

            throw;
        }

        TempData["Notice"] = _text["Your draft application has been started. Fill in the sections in any order and save as you go."].Value;
        return Redirect($"/Applications/{application.Id}");
    }

    private async Task<Guid?> ExistingApplicationAsync(Applicant applicant, Call call) =>
        call.Terms.AllowsSeveralApplicationsPerOrganisation
            ? null
            : await _db.Applications.AsNoTracking()
                .Where(a => a.OrganisationId == applicant.OrganisationId && a.CallId == call.Id && a.Status != ApplicationStatus.Withdrawn)
                .OrderBy(a => a.CreatedAtUtc)
                .Select(a => (Guid?)a.Id)
                .FirstOrDefaultAsync(HttpContext.RequestAborted);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Overview(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken, withVersions: true);
        if (loaded is null)
        {
            return NotFound();
        }

        var checks = loaded.Application.CheckSubmission(await SubmissionContextAsync(loaded, cancellationToken));
        var sections = Enum.GetValues<ApplicationSection>()
            .Where(s => s != ApplicationSection.Eligibility)
            .Select(s => new SectionProgress(s, checks.Count(c => c.Section == s && !c.Passed)))
            .ToList();
        return View(new OverviewModel(
            Header(loaded),
            sections,
            loaded.Application.Versions.OrderBy(v => v.Number).Select(v => new VersionRow(v.Number, v.SubmittedAtUtc, v.SubmittedBy)).ToList(),
            loaded.Application.IsBeforeDecision,
            loaded.Application.WithdrawalReason));
    }

    private async Task<Applicant?> CurrentApplicantAsync(CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return null;
        }

        var row = await _db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.OrganisationId, u.DisplayName, u.Email })
            .SingleOrDefaultAsync(cancellationToken);
        if (row?.OrganisationId is not { } organisationId)
        {
            return null;
        }

        var name = string.IsNullOrWhiteSpace(row.DisplayName) ? row.Email ?? string.Empty : row.DisplayName;
        return new Applicant(userId, organisationId, name, row.Email ?? string.Empty);
    }

    /// <summary>The application if it belongs to the user's organisation (tracked), with its call.</summary>
    private async Task<LoadedApplication?> LoadAsync(Guid id, CancellationToken cancellationToken, bool withVersions = false)
    {
        var applicant = await CurrentApplicantAsync(cancellationToken);
        if (applicant is null)
        {
            return null;
        }

        IQueryable<GrantApplication> query = _db.Applications;
        if (withVersions)
        {
            query = query.Include(a => a.Versions);
        }

        var application = await query.SingleOrDefaultAsync(a => a.Id == id && a.OrganisationId == applicant.OrganisationId, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var call = await _db.Calls.SingleAsync(c => c.Id == application.CallId, cancellationToken);
        return new LoadedApplication(applicant, application, call);
    }

    private async Task<SubmissionContext> SubmissionContextAsync(LoadedApplication loaded, CancellationToken cancellationToken)
    {
        var organisationId = loaded.Application.OrganisationId;
        var organisation = await _db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.LegalName, o.Status }).SingleAsync(cancellationToken);
        var documents = await TrustFund.Application.Applications.SubmissionDocuments.AvailableTo(_db, loaded.Application).ToListAsync(cancellationToken);
        return new SubmissionContext(loaded.Call, organisation.Status == OrganisationStatus.Verified, organisation.LegalName, [.. documents.Select(SubmittedDocument.Of)], Now);
    }

    private static ApplicationHeader Header(LoadedApplication loaded)
    {
        var a = loaded.Application;
        return new ApplicationHeader(
            a.Id,
            a.Title,
            a.Reference,
            a.Status,
            loaded.Call.Code,
            loaded.Call.Title,
            Labels.InZone(loaded.Call.ClosesAtUtc, loaded.Call.Terms.TimeZoneId),
            a.IsEditable,
            a.Status == ApplicationStatus.InformationRequested ? a.InformationRequest : null,
            a.LastEditedBy,
            a.LastEditedAtUtc);
    }

    private sealed record Applicant(Guid UserId, Guid OrganisationId, string Name, string Email);

    private sealed record LoadedApplication(Applicant Applicant, GrantApplication Application, Call Call);
}
