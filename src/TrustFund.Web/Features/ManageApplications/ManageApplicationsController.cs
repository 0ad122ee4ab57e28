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
using TrustFund.Web.Features.Shared;

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
    private readonly ApplicationListReader _list;
    private readonly ApplicationDetailReader _details;

    public ManageApplicationsController(TrustFundDbContext db, IAuditTrail audit, IEmailOutbox outbox, IFileStore files, IStringLocalizer<ManageApplicationsController> text, ApplicationListReader list, ApplicationDetailReader details)
    {
        _list = list;
        _details = details;
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

        return View(await _list.ReadAsync(query, cancellationToken));
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
            application.RequestInformation(input.Message!, DateTime.UtcNow.AddDays(14), DateTime.UtcNow);
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

    private Task<ApplicationDetailsModel?> DetailsAsync(Guid id, int? versionNumber, RequestInformationInput? input, CancellationToken cancellationToken) =>
        _details.ReadAsync(id, versionNumber, input, cancellationToken);
}
