using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Application.Files;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;

namespace TrustFund.Web.Features.Organisations;

/// <summary>An applicant's own organisation: profile, bank account, documents and members.</summary>
[Route("Organisation")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed partial class OrganisationsController : Controller
{
    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly IFileStore _files;
    private readonly UserManager<TrustFundUser> _users;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<OrganisationsController> _text;

    public OrganisationsController(
        TrustFundDbContext db,
        IAuditTrail audit,
        IEmailOutbox outbox,
        IFileStore files,
        UserManager<TrustFundUser> users,
        TimeProvider clock,
        IStringLocalizer<OrganisationsController> text)
    {
        _db = db;
        _audit = audit;
        _outbox = outbox;
        _files = files;
        _users = users;
        _clock = clock;
        _text = text;
    }

    [HttpGet("")]
    public IActionResult Index() => Redirect("/Organisation/Profile");

    [HttpGet("Profile")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        if (await OwnOrganisationAsync(cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        return ProfileView(organisation, ProfileInput.From(organisation));
    }

    [HttpPost("Profile")]
    public async Task<IActionResult> Profile(ProfileInput input, CancellationToken cancellationToken)
    {
        if (await OwnOrganisationAsync(cancellationToken, track: true) is not { } organisation)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return ProfileView(organisation, input);
        }

        try
        {
            organisation.UpdateProfile(input.LegalName!, input.CountryOfRegistration!, input.ToProfile(), _clock.GetUtcNow().UtcDateTime);
        }
        catch (RulesViolatedException ex)
        {
            foreach (var violation in ex.Violations)
            {
                ModelState.AddModelError(ProfileInput.FieldFor(violation.Field), violation.Message);
            }

            return ProfileView(organisation, input);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return ProfileView(organisation, input);
        }

        _db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
        _audit.Record(AuditActions.OrganisationProfileUpdated, $"Profile of {organisation.LegalName} updated", nameof(Organisation), organisation.Id.ToString());
        if (!await TrySaveAsync(organisation.Id, cancellationToken))
        {
            var current = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id, cancellationToken);
            input.Version = current.Version;
            return ProfileView(current, input);
        }

        TempData["Notice"] = _text["Your organisation's profile has been saved."].Value;
        return Redirect("/Organisation/Profile");
    }

    [HttpGet("Bank")]
    public async Task<IActionResult> Bank(CancellationToken cancellationToken)
    {
        if (await OwnOrganisationAsync(cancellationToken) is not { } organisation)
        {
            return NotFound();
        }

        var bank = organisation.Bank;
        return BankView(organisation, new BankInput
        {
            Version = organisation.Version,
            BankName = bank?.BankName,
            SwiftBic = bank?.SwiftBic,
            AccountNumber = bank?.AccountNumber,
            AccountHolder = bank?.AccountHolder,
        });
    }

    [HttpPost("Bank")]
    public async Task<IActionResult> Bank(BankInput input, CancellationToken cancellationToken)
    {
        if (await OwnOrganisationAsync(cancellationToken, track: true) is not { } organisation)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BankView(organisation, input);
        }

        var details = new BankDetails
        {
            BankName = input.BankName!.Trim(),
            SwiftBic = (input.SwiftBic ?? string.Empty).Trim().ToUpperInvariant(),
            AccountNumber = input.AccountNumber!.Trim(),
            AccountHolder = input.AccountHolder!.Trim(),
        };
        var old = organisation.Bank;
        if (old is not null && old.BankName == details.BankName && old.SwiftBic == details.SwiftBic
            && old.AccountNumber == details.AccountNumber && old.AccountHolder == details.AccountHolder)
        {
            TempData["Notice"] = _text["Nothing changed: your bank details are as before."].Value;
            return Redirect("/Organisation/Bank");
        }

        try
        {
            organisation.ChangeBankDetails(details);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return BankView(organisation, input);
        }

        _db.Entry(organisation).Property(o => o.Version).OriginalValue = input.Version;
        _audit.Record(AuditActions.OrganisationBankChanged, $"Bank details of {organisation.LegalName} changed; verification cleared", nameof(Organisation), organisation.Id.ToString());
        if (!await TrySaveAsync(organisation.Id, cancellationToken))
        {
            var current = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisation.Id, cancellationToken);
            input.Version = current.Version;
            return BankView(current, input);
        }

        TempData["Notice"] = _text["Your bank details have been saved. The Secretariat will verify them again before any payment."].Value;
        return Redirect("/Organisation/Bank");
    }

    private ViewResult ProfileView(Organisation organisation, ProfileInput input)
    {
        ViewData["Organisation"] = organisation;
        return View("Profile", input);
    }

    private ViewResult BankView(Organisation organisation, BankInput input)
    {
        ViewData["Organisation"] = organisation;
        return View("Bank", input);
    }

    /// <summary>The signed-in applicant's organisation, or null (answered as 404).</summary>
    private async Task<Organisation?> OwnOrganisationAsync(CancellationToken cancellationToken, bool track = false)
    {
        if (await OrganisationMembers.OrganisationOfAsync(_db, User, cancellationToken) is not { } id)
        {
            return null;
        }

        var query = track ? _db.Organisations : _db.Organisations.AsNoTracking();
        return await query.SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    /// <summary>Saves; on a stale edit explains who changed the organisation and when, and keeps the input.</summary>
    private async Task<bool> TrySaveAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var last = await OrganisationMembers.LastChangeAsync(_db, nameof(Organisation), organisationId, cancellationToken);
            ModelState.AddModelError(string.Empty, last is { } change
                ? _text["{0} changed your organisation's details at {1} UTC, after you opened this page. Your changes are shown below but not saved: check them and save again.", change.Who, change.WhenUtc.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                : _text["Someone else changed your organisation's details after you opened this page. Your changes are shown below but not saved: check them and save again."]);
            return false;
        }
    }
}
