using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.ManageOrganisations;

/// <summary>Verification of applicant organisations by administrators and fund managers.</summary>
[Route("Manage/Organisations")]
[Authorize(Policy = Capabilities.VerifyOrganisations)]
public sealed class ManageOrganisationsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ManageOrganisationsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        OrganisationStatus? filter = Enum.TryParse<OrganisationStatus>(status, out var s) && Enum.IsDefined(s) ? s : null;
        return View((await _useCases.RunAsync(new ListOrganisations(filter, q, page), cancellationToken)).Value);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await DetailsAsync(id, null, cancellationToken);

    [HttpGet("{id:guid}/Documents/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DownloadOrganisationDocument(id, documentId), cancellationToken);
        return outcome.Succeeded ? File(outcome.Value.Content, outcome.Value.ContentType, outcome.Value.FileName) : NotFound();
    }

    [HttpPost("{id:guid}/Verify")]
    public async Task<IActionResult> Verify(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        await DecidedAsync(id, input, OrganisationStatus.Verified, ModelState.IsValid ? await _useCases.RunAsync(new VerifyOrganisation(id, input.Version), cancellationToken) : null, cancellationToken);

    [HttpPost("{id:guid}/Reject")]
    public async Task<IActionResult> Reject(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        await DecidedAsync(id, input, OrganisationStatus.Rejected, ModelState.IsValid ? await _useCases.RunAsync(new RejectOrganisation(id, input.Version, input.Reason), cancellationToken) : null, cancellationToken);

    [HttpPost("{id:guid}/Suspend")]
    public async Task<IActionResult> Suspend(Guid id, StatusChangeInput input, CancellationToken cancellationToken) =>
        await DecidedAsync(id, input, OrganisationStatus.Suspended, ModelState.IsValid ? await _useCases.RunAsync(new SuspendOrganisation(id, input.Version, input.Reason), cancellationToken) : null, cancellationToken);

    [HttpPost("{id:guid}/VerifyBank")]
    public async Task<IActionResult> VerifyBank(Guid id, StatusChangeInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new VerifyBankDetails(id, input.Version), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value.AlreadyInStatus
                    ? _text["These bank details are already verified."].Value
                    : _text["The bank details of {0} are verified.", outcome.Value.LegalName].Value;
                return Redirect($"/Manage/Organisations/{id}");
            case OutcomeKind.Stale:
                ModelState.AddModelError(string.Empty, _text["The organisation changed after you opened this page (its bank details may be new). Check them below and verify again."]);
                return await DetailsAsync(id, input, cancellationToken, freshVersion: true);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return await DetailsAsync(id, input, cancellationToken);
            default:
                return NotFound();
        }
    }

    /// <summary>After a verification decision: its notice, or the page again with why nothing changed.</summary>
    private async Task<IActionResult> DecidedAsync(Guid id, StatusChangeInput input, OrganisationStatus target, Outcome<DecisionTaken>? outcome, CancellationToken cancellationToken)
    {
        switch (outcome?.Kind)
        {
            case null:
                return await DetailsAsync(id, input, cancellationToken);
            case OutcomeKind.Done:
                var status = _text[EnumText.Words(target)];
                TempData["Notice"] = outcome.Value.AlreadyInStatus
                    ? _text["{0} is already {1}.", outcome.Value.LegalName, status].Value
                    : _text["{0} is now {1}. Its members have been told by email.", outcome.Value.LegalName, status].Value;
                return Redirect($"/Manage/Organisations/{id}");
            case OutcomeKind.Stale:
                ModelState.AddModelError(string.Empty, outcome.Stale is { ChangedBy: { } who, ChangedAtUtc: { } when }
                    ? _text["{0} changed this organisation at {1} UTC, after you opened this page. Check its current status below and decide again.", who, when.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                    : _text["Someone else changed this organisation after you opened this page. Check its current status below and decide again."]);
                return await DetailsAsync(id, input, cancellationToken, freshVersion: true);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return await DetailsAsync(id, input, cancellationToken);
            default:
                return NotFound();
        }
    }

    /// <summary>The verification page; after a stale decision the form carries the current version.</summary>
    private async Task<IActionResult> DetailsAsync(Guid id, StatusChangeInput? input, CancellationToken cancellationToken, bool freshVersion = false)
    {
        var outcome = await _useCases.RunAsync(new ShowOrganisation(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var organisation = outcome.Value.Organisation;
        input ??= new StatusChangeInput { Version = organisation.Version };
        if (freshVersion)
        {
            ModelState.Remove(nameof(StatusChangeInput.Version));
            input.Version = organisation.Version;
        }

        ViewData["Organisation"] = organisation;
        ViewData["Documents"] = outcome.Value.Documents;
        ViewData["Members"] = outcome.Value.Members;
        return View("Details", input);
    }
}
