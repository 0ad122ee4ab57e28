using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Application.Files;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Domain.Places;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.Organisations;

namespace TrustFund.Web.Features.ManageApplications;

/// <summary>The fund managers' view of applications across calls: list, detail, requests for information.</summary>
[Route("Manage/Applications")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ManageApplicationsController : Controller
{
    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly IFileStore _files;
    private readonly IStringLocalizer<ManageApplicationsController> _text;

    public ManageApplicationsController(TrustFundDbContext db, IAuditTrail audit, IEmailOutbox outbox, IFileStore files, IStringLocalizer<ManageApplicationsController> text)
    {
        _db = db;
        _audit = audit;
        _outbox = outbox;
        _files = files;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ApplicationListQuery query, CancellationToken cancellationToken)
    {
        foreach (var (field, message) in query.Problems())
        {
            ModelState.AddModelError(field, _text[message]);
        }

        var filtered = Filter(Entries(), query);
        var counts = await filtered.GroupBy(e => e.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (query.StatusFilter is { } status)
        {
            filtered = filtered.Where(e => e.Status == status);
        }

        var total = await filtered.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ApplicationListQuery.PageSize - 1) / ApplicationListQuery.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var rows = await Sort(filtered, query)
            .Skip((page - 1) * ApplicationListQuery.PageSize)
            .Take(ApplicationListQuery.PageSize)
            .ToListAsync(cancellationToken);
        var calls = await _db.Calls.AsNoTracking().OrderByDescending(c => c.OpensAtUtc).Select(c => new CallOption(c.Id, c.Code, c.Title)).ToListAsync(cancellationToken);
        var byStatus = ApplicationListQuery.VisibleStatuses.ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        return View(new ApplicationListModel(query, rows, total, page, pageCount, byStatus, calls));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, int? version, CancellationToken cancellationToken)
    {
        var model = await DetailsAsync(id, version, null, cancellationToken);
        return model is null ? NotFound() : View("Details", model);
    }

    [HttpGet("{id:guid}/Attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking()
            .Where(a => a.Id == id && a.SubmittedAtUtc != null)
            .Select(a => new { a.Id, a.OrganisationId })
            .SingleOrDefaultAsync(cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        var attachment = await _db.Attachments.AsNoTracking().SingleOrDefaultAsync(
            a => a.Id == attachmentId && a.OrganisationId == application.OrganisationId && (a.ApplicationId == id || a.ApplicationId == null),
            cancellationToken);
        if (attachment is null || await DocumentFiles.DownloadAsync(_files, attachment, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return file;
    }

    [HttpPost("{id:guid}/RequestInformation")]
    public async Task<IActionResult> RequestInformation(Guid id, RequestInformationInput input, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return View("Details", await DetailsAsync(id, null, input, cancellationToken));
        }

        if (application.Status == ApplicationStatus.InformationRequested && application.InformationRequest == input.Message!.Trim())
        {
            TempData["Notice"] = _text["This request has already been sent."].Value;
            return Redirect($"/Manage/Applications/{id}");
        }

        if (application.Status != ApplicationStatus.Submitted)
        {
            ModelState.AddModelError(string.Empty, _text["More information can only be requested while the application is submitted and not yet screened. It is now {0}.", _text[EnumText.Words(application.Status)]]);
            _db.ChangeTracker.Clear();
            return View("Details", await DetailsAsync(id, null, input, cancellationToken));
        }

        try
        {
            application.RequestInformation(input.Message!);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            _db.ChangeTracker.Clear();
            return View("Details", await DetailsAsync(id, null, input, cancellationToken));
        }

        _db.Entry(application).Property(a => a.Version).OriginalValue = input.Version;
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, cancellationToken);
        var label = application.Reference ?? application.Title;
        _audit.Record(AuditActions.ApplicationInformationRequested, $"More information requested on {label}: {application.InformationRequest}", nameof(GrantApplication), application.Id.ToString());
        await OrganisationMembers.EmailAllAsync(
            _db,
            _outbox,
            application.OrganisationId,
            _text["More information needed on application {0}", label],
            _text["Hello,\n\nThe fund's Secretariat needs more information about your application {0} ({1}) from {2}:\n\n{3}\n\nSign in to TrustFund, update the application and submit it again.\n\nTrustFund", label, application.Title, organisation.LegalName, application.InformationRequest!],
            cancellationToken);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var last = await OrganisationMembers.LastChangeAsync(_db, nameof(GrantApplication), id, cancellationToken);
            ModelState.AddModelError(string.Empty, last is { } change
                ? _text["{0} changed this application at {1} UTC, after you opened this page. Check it again; your message is kept below.", change.Who, change.WhenUtc.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                : _text["Someone else changed this application after you opened this page. Check it again; your message is kept below."]);
            var model = await DetailsAsync(id, null, input, cancellationToken);
            input.Version = model!.Application.Version;
            return View("Details", model);
        }

        TempData["Notice"] = _text["Your request has been sent to the organisation by email."].Value;
        return Redirect($"/Manage/Applications/{id}");
    }

    private async Task<ApplicationDetailsModel?> DetailsAsync(Guid id, int? versionNumber, RequestInformationInput? input, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var call = await _db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, cancellationToken);
        var attachments = await _db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == application.OrganisationId && (a.ApplicationId == id || a.ApplicationId == null))
            .OrderBy(a => a.DocumentType).ThenBy(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        var screening = await _db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ApplicationId == id, cancellationToken);
        var keys = new List<string> { id.ToString() };
        if (screening is not null)
        {
            keys.Add(screening.Id.ToString());
        }

        var history = await _db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityId != null && keys.Contains(e.EntityId))
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        var shown = versionNumber is { } n ? application.Versions.FirstOrDefault(v => v.Number == n) : null;
        return new ApplicationDetailsModel(
            application,
            call,
            organisation,
            shown?.Content ?? application.Content,
            shown,
            attachments.Where(a => a.ApplicationId == id).ToList(),
            attachments.Where(a => a.ApplicationId is null).ToList(),
            history,
            screening,
            input ?? new RequestInformationInput { Version = application.Version });
    }

    /// <summary>Submitted applications (drafts are the organisation's own business) with their call and organisation.</summary>
    private IQueryable<ApplicationListEntry> Entries() =>
        from a in _db.Applications.AsNoTracking()
        where a.SubmittedAtUtc != null
        join o in _db.Organisations on a.OrganisationId equals o.Id
        join c in _db.Calls on a.CallId equals c.Id
        select new ApplicationListEntry
        {
            Id = a.Id,
            Reference = a.Reference,
            Title = a.Title,
            Status = a.Status,
            AmountRequested = a.AmountRequested,
            SubmittedAtUtc = a.SubmittedAtUtc,
            CallId = a.CallId,
            CallCode = c.Code,
            OrganisationId = a.OrganisationId,
            OrganisationName = o.LegalName,
            CountryIndex = a.CountryIndex,
            AssistanceIndex = a.AssistanceIndex,
        };

    private static IQueryable<ApplicationListEntry> Filter(IQueryable<ApplicationListEntry> entries, ApplicationListQuery query)
    {
        if (query.Call is { } callId)
        {
            entries = entries.Where(e => e.CallId == callId);
        }

        if (query.CountryFilter is { } country)
        {
            var term = GrantApplication.IndexTerm(country);
            entries = entries.Where(e => e.CountryIndex.Contains(term));
        }

        if (query.RegionFilter is { } region)
        {
            entries = entries.Where(InRegion(region));
        }

        if (query.AssistanceFilter is { } assistance)
        {
            var term = GrantApplication.IndexTerm(assistance.ToString());
            entries = entries.Where(e => e.AssistanceIndex.Contains(term));
        }

        if (query.MinAmount is { } min)
        {
            entries = entries.Where(e => e.AmountRequested >= min);
        }

        if (query.MaxAmount is { } max)
        {
            entries = entries.Where(e => e.AmountRequested <= max);
        }

        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var raw = query.Q.Trim();
            var text = raw.ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(): portable across engines
            // The exact-case test covers scripts whose case the database's lower() does not know.
            entries = entries.Where(e => e.Title.Contains(raw) || e.OrganisationName.Contains(raw)
                || e.Title.ToLower().Contains(text) || e.OrganisationName.ToLower().Contains(text) || (e.Reference != null && e.Reference.ToLower().Contains(text)));
#pragma warning restore CA1862, CA1304, CA1311
        }

        return entries;
    }

    /// <summary>Any implementing country in the region: one indexed-text test per country of the region, computed once.</summary>
    private static Expression<Func<ApplicationListEntry, bool>> InRegion(string region)
    {
        var countries = UnM49.Countries.Where(c => UnM49.IsWithin(c.Iso3!, region)).Select(c => c.Iso3!).ToList();
        var entry = Expression.Parameter(typeof(ApplicationListEntry), "e");
        var index = Expression.Property(entry, nameof(ApplicationListEntry.CountryIndex));
        var contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
        Expression body = Expression.Constant(false);
        foreach (var iso3 in countries)
        {
            body = Expression.OrElse(body, Expression.Call(index, contains, Expression.Constant(GrantApplication.IndexTerm(iso3))));
        }

        return Expression.Lambda<Func<ApplicationListEntry, bool>>(body, entry);
    }

    private static IQueryable<ApplicationListEntry> Sort(IQueryable<ApplicationListEntry> entries, ApplicationListQuery query) =>
        (query.SortKey, query.Descending) switch
        {
            ("amount", true) => entries.OrderByDescending(e => e.AmountRequested).ThenBy(e => e.Id),
            ("amount", false) => entries.OrderBy(e => e.AmountRequested).ThenBy(e => e.Id),
            ("title", true) => entries.OrderByDescending(e => e.Title).ThenBy(e => e.Id),
            ("title", false) => entries.OrderBy(e => e.Title).ThenBy(e => e.Id),
            ("organisation", true) => entries.OrderByDescending(e => e.OrganisationName).ThenBy(e => e.Title).ThenBy(e => e.Id),
            ("organisation", false) => entries.OrderBy(e => e.OrganisationName).ThenBy(e => e.Title).ThenBy(e => e.Id),
            (_, true) => entries.OrderByDescending(e => e.SubmittedAtUtc).ThenBy(e => e.Id),
            (_, false) => entries.OrderBy(e => e.SubmittedAtUtc).ThenBy(e => e.Id),
        };
}
