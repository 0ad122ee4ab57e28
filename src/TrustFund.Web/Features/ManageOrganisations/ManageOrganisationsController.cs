using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Application.Files;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.Organisations;

namespace TrustFund.Web.Features.ManageOrganisations;

/// <summary>Verification of applicant organisations by administrators and fund managers.</summary>
[Route("Manage/Organisations")]
[Authorize(Policy = Capabilities.VerifyOrganisations)]
public sealed class ManageOrganisationsController : Controller
{
    public const int PageSize = 25;

    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly IFileStore _files;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<ManageOrganisationsController> _text;

    public ManageOrganisationsController(TrustFundDbContext db, IAuditTrail audit, IEmailOutbox outbox, IFileStore files, TimeProvider clock, IStringLocalizer<ManageOrganisationsController> text)
    {
        _db = db;
        _audit = audit;
        _outbox = outbox;
        _files = files;
        _clock = clock;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        OrganisationStatus? statusFilter = Enum.TryParse<OrganisationStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        var search = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        var query = _db.Organisations.AsNoTracking();
        if (search is not null)
        {
            var lowered = search.ToLower(CultureInfo.InvariantCulture);
#pragma warning disable CA1862, CA1304, CA1311 // translated to SQL lower(): portable across engines
            query = query.Where(o => o.LegalName.Contains(search) || o.LegalName.ToLower().Contains(lowered));
#pragma warning restore CA1862, CA1304, CA1311
        }

        var counts = await query.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        if (statusFilter is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await query
            .OrderBy(o => o.LegalName).ThenBy(o => o.Id)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Select(o => new OrganisationRow(o.Id, o.LegalName, o.CountryOfRegistration, o.Status, o.RegisteredAtUtc, o.StatusChangedAtUtc))
            .ToListAsync(cancellationToken);
        var byStatus = Enum.GetValues<OrganisationStatus>().ToDictionary(x => x, x => counts.FirstOrDefault(c => c.Key == x)?.Count ?? 0);
        return View(new OrganisationListModel(statusFilter, search, page, pageCount, total, rows, byStatus));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken)
    {
        var organisation = await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        return organisation is null ? NotFound() : await DetailsView(organisation, new StatusChangeInput { Version = organisation.Version }, cancellationToken);
    }

    [HttpGet("{id:guid}/Documents/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var attachment = await _db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == documentId && a.OrganisationId == id && a.ApplicationId == null, cancellationToken);
        if (attachment is null || await DocumentFiles.DownloadAsync(_files, attachment, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        return file;
    }

    [HttpPost("{id:guid}/Verify")]
    public Task<IActionResult> Verify(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        ChangeStatus(id, input, OrganisationStatus.Verified, cancellationToken);

    [HttpPost("{id:guid}/Reject")]
    public Task<IActionResult> Reject(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        ChangeStatus(id, input, OrganisationStatus.Rejected, cancellationToken);

    [HttpPost("{id:guid}/Suspend")]
    public Task<IActionResult> Suspend(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        ChangeStatus(id, input, OrganisationStatus.Suspended, cancellationToken);

    [HttpPost("{id:guid}/VerifyBank")]
    public async Task<IActionResult> VerifyBank(Guid id, StatusChangeInput input, CancellationToken cancellationToken)
    {
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        if (organisation.Bank is { Verified: true })
        {
            TempData["Notice"] = _text["These bank details are already verified."].Value;
            return Redirect($"/Manage/Organisations/{id}");
        }

        try
        {
            organisation.VerifyBankDetails(User.Identity!.Name!, _clock.GetUtcNow().UtcDateTime);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            _db.ChangeTracker.Clear();
            return await DetailsView(organisation, input, cancellationToken);
        }

        _db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
        _audit.Record(AuditActions.OrganisationBankVerified, $"Bank details of {organisation.LegalName} verified ({organisation.Bank!.AccountHolder}, account ending {LastFour(organisation.Bank.AccountNumber)})", nameof(Organisation), organisation.Id.ToString());
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var current = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
            ModelState.AddModelError(string.Empty, _text["The organisation changed after you opened this page (its bank details may be new). Check them below and verify again."]);
            input.Version = current.Version;
            return await DetailsView(current, input, cancellationToken);
        }

        TempData["Notice"] = _text["The bank details of {0} are verified.", organisation.LegalName].Value;
        return Redirect($"/Manage/Organisations/{id}");
    }

    private async Task<IActionResult> ChangeStatus(Guid id, StatusChangeInput input, OrganisationStatus target, CancellationToken cancellationToken)
    {
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await DetailsView(organisation, input, cancellationToken);
        }

        if (target != OrganisationStatus.Verified && string.IsNullOrWhiteSpace(input.Reason))
        {
            ModelState.AddModelError(nameof(StatusChangeInput.Reason), target == OrganisationStatus.Rejected
                ? _text["Give the reason for rejecting the organisation: it is sent to the organisation."]
                : _text["Give the reason for suspending the organisation: it is sent to the organisation."]);
            return await DetailsView(organisation, input, cancellationToken);
        }

        if (organisation.Status == target)
        {
            // A repeated click: the organisation already has this status.
            TempData["Notice"] = _text["{0} is already {1}.", organisation.LegalName, _text[EnumText.Words(target)]].Value;
            return Redirect($"/Manage/Organisations/{id}");
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        try
        {
            switch (target)
            {
                case OrganisationStatus.Verified:
                    organisation.Verify(now);
                    break;
                case OrganisationStatus.Rejected:
                    organisation.Reject(input.Reason!, now);
                    break;
                case OrganisationStatus.Suspended:
                    organisation.Suspend(input.Reason!, now);
                    break;
                case OrganisationStatus.PendingVerification:
                    throw new DomainException("organisation.illegal-transition", "An organisation cannot be put back to pending verification.");
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            _db.ChangeTracker.Clear();
            return await DetailsView(organisation, input, cancellationToken);
        }

        _db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
        var (action, subject, body) = target switch
        {
            OrganisationStatus.Verified => (
                AuditActions.OrganisationVerified,
                _text["{0} is verified on TrustFund", organisation.LegalName].Value,
                _text["Hello,\n\nThe fund's Secretariat has verified {0}. Your organisation can now submit applications to open calls.\n\nTrustFund", organisation.LegalName].Value),
            OrganisationStatus.Rejected => (
                AuditActions.OrganisationRejected,
                _text["The registration of {0} on TrustFund was not accepted", organisation.LegalName].Value,
                _text["Hello,\n\nThe fund's Secretariat could not verify {0}.\n\nReason: {1}\n\nReply to the Secretariat if you can provide what is missing.\n\nTrustFund", organisation.LegalName, organisation.StatusReason!].Value),
            _ => (
                AuditActions.OrganisationSuspended,
                _text["{0} is suspended on TrustFund", organisation.LegalName].Value,
                _text["Hello,\n\nThe fund's Secretariat has suspended {0}. Your organisation cannot submit applications until it is verified again.\n\nReason: {1}\n\nTrustFund", organisation.LegalName, organisation.StatusReason!].Value),
        };
        _audit.Record(action, $"{organisation.LegalName}: {target}{(organisation.StatusReason is { } reason ? $" – {reason}" : string.Empty)}", nameof(Organisation), organisation.Id.ToString());
        await OrganisationMembers.EmailAllAsync(_db, _outbox, organisation.Id, subject, body, cancellationToken);
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var current = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken);
            var last = await OrganisationMembers.LastChangeAsync(_db, nameof(Organisation), id, cancellationToken);
            ModelState.AddModelError(string.Empty, last is { } change
                ? _text["{0} changed this organisation at {1} UTC, after you opened this page. Check its current status below and decide again.", change.Who, change.WhenUtc.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                : _text["Someone else changed this organisation after you opened this page. Check its current status below and decide again."]);
            input.Version = current.Version;
            return await DetailsView(current, input, cancellationToken);
        }

        TempData["Notice"] = _text["{0} is now {1}. Its members have been told by email.", organisation.LegalName, _text[EnumText.Words(target)]].Value;
        return Redirect($"/Manage/Organisations/{id}");
    }

    private async Task<ViewResult> DetailsView(Organisation organisation, StatusChangeInput input, CancellationToken cancellationToken)
    {
        if (organisation.Bank is not null)
        {
            // The page shows the account number to Secretariat staff, never members of the organisation:
            // who saw it is recorded (without the number itself).
            await _audit.RecordNowAsync(AuditActions.OrganisationBankDetailsViewed, $"{User.Identity?.Name} viewed the bank details of {organisation.LegalName}", nameof(Organisation), organisation.Id.ToString(), cancellationToken);
        }

        ViewData["Organisation"] = organisation;
        ViewData["Documents"] = await _db.Attachments.AsNoTracking()
            .Where(a => a.OrganisationId == organisation.Id && a.ApplicationId == null)
            .OrderBy(a => a.DocumentType).ThenByDescending(a => a.UploadedAtUtc)
            .ToListAsync(cancellationToken);
        ViewData["Members"] = await _db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisation.Id && u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new MemberRow(u.Id, u.DisplayName, u.Email!, u.PasswordHash != null, u.LastSignInAtUtc))
            .ToListAsync(cancellationToken);
        return View("Details", input);
    }

    // The audit trail is append-only: an account number written there could never be removed.
    private static string LastFour(string accountNumber) =>
        accountNumber.Length <= 4 ? "****" : accountNumber[^4..];
}
