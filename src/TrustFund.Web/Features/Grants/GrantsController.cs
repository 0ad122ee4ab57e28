using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Grants;

/// <summary>
/// Grants: "My grants" for the grantee's members, and each grant's page (agreement, signatures,
/// status, approved budget, timeline) for them, fund managers and finance officers; fund managers
/// record the signatures, suspend and resume.
/// </summary>
[Route("Grants")]
[Authorize(Roles = GrantReaders.Roles)]
public sealed class GrantsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<GrantsController> _text;

    public GrantsController(IUseCases useCases, IStringLocalizer<GrantsController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    [Authorize(Policy = Capabilities.ActAsApplicant)]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("Index", (await _useCases.RunAsync(new ListOwnGrants(), cancellationToken)).Value);

    [HttpGet("{id:guid}")]
    public Task<IActionResult> Grant(Guid id, CancellationToken cancellationToken) =>
        PageAsync(id, cancellationToken);

    [HttpPost("{id:guid}/Signatures")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> Signature(Guid id, SignatureInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, cancellationToken, signature: input);
        }

        var outcome = await _useCases.RunAsync(new RecordGrantSignature(id, input.Version, input.PartyValue, input.SignedOnDate), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, field => field is "Date" or nameof(RecordGrantSignature.SignedOn) ? nameof(SignatureInput.SignedOn) : string.Empty);
            return await PageAsync(id, cancellationToken, signature: input);
        }

        TempData["Notice"] = outcome.Value == GrantStatus.Active
            ? _text["The signature is recorded: both parties have signed and the grant is active. The organisation has been told by email."].Value
            : _text["The signature is recorded. The grant becomes active once both parties have signed."].Value;
        return Redirect($"/Grants/{id}");
    }

    [HttpPost("{id:guid}/Suspend")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public Task<IActionResult> Suspend(Guid id, GrantReasonInput input, CancellationToken cancellationToken) =>
        StatusAsync(id, input, suspend: true, cancellationToken);

    [HttpPost("{id:guid}/Resume")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public Task<IActionResult> Resume(Guid id, GrantReasonInput input, CancellationToken cancellationToken) =>
        StatusAsync(id, input, suspend: false, cancellationToken);

    private async Task<IActionResult> StatusAsync(Guid id, GrantReasonInput input, bool suspend, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, cancellationToken, reason: input);
        }

        var outcome = suspend
            ? await _useCases.RunAsync(new SuspendGrant(id, input.Version, input.Reason), cancellationToken)
            : await _useCases.RunAsync(new ResumeGrant(id, input.Version, input.Reason), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, field => field == nameof(GrantReasonInput.Reason) ? field : string.Empty);
            return await PageAsync(id, cancellationToken, reason: input);
        }

        TempData["Notice"] = suspend
            ? _text["The grant is suspended: nothing is released or paid until it is resumed. The organisation has been told by email."].Value
            : _text["The grant is resumed. The organisation has been told by email."].Value;
        return Redirect($"/Grants/{id}");
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken, SignatureInput? signature = null, GrantReasonInput? reason = null)
    {
        var outcome = await _useCases.RunAsync(new ShowGrant(id), cancellationToken);
        return outcome.Succeeded
            ? View("Grant", new GrantPageModel(outcome.Value, signature ?? new SignatureInput(), reason ?? new GrantReasonInput()))
            : NotFound();
    }
}

/// <summary>A grant's page and its forms as last typed.</summary>
public sealed record GrantPageModel(GrantPage Page, SignatureInput Signature, GrantReasonInput Reason)
{
    public static string StatusWords(GrantStatus status) => status switch
    {
        GrantStatus.AgreementPending => "Awaiting signatures",
        GrantStatus.Active => "grant status|Active",
        GrantStatus.Suspended => "grant status|Suspended",
        GrantStatus.Closing => "In closure",
        GrantStatus.Closed => "grant status|Closed",
    };

    /// <summary>An amendment's status, in the form that agrees with "amendment" (an "avenant" is "approuvé", not "approuvée").</summary>
    public static string AmendmentStatusWords(AmendmentStatus status) => "amendment status|" + status.ToString();
}
