using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Grants;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Grants;

/// <summary>A grant's closure for fund managers: what closing needs and whether it is met, entering closure, closing.</summary>
[Route("Grants/{id:guid}/Closure")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class GrantClosureController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<GrantClosureController> _text;

    public GrantClosureController(IUseCases useCases, IStringLocalizer<GrantClosureController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) => PageAsync(id, cancellationToken);

    [HttpPost("Begin")]
    public async Task<IActionResult> Begin(Guid id, Guid? version, CancellationToken cancellationToken) =>
        await AfterAsync(id, await _useCases.RunAsync(new BeginGrantClosing(id, version), cancellationToken), _text["The grant is in closure: settle its final reports, last payment and unspent funds, then close it."].Value, cancellationToken);

    [HttpPost("Close")]
    public async Task<IActionResult> Close(Guid id, Guid? version, CancellationToken cancellationToken) =>
        await AfterAsync(id, await _useCases.RunAsync(new CloseGrant(id, version), cancellationToken), _text["The grant is closed. The organisation has been told by email."].Value, cancellationToken);

    private async Task<IActionResult> AfterAsync(Guid id, Outcome<Done> outcome, string notice, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, _ => string.Empty);
            return await PageAsync(id, cancellationToken);
        }

        TempData["Notice"] = notice;
        return Redirect($"/Grants/{id}/Closure");
    }

    private async Task<IActionResult> PageAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowGrantClosure(id), cancellationToken);
        return outcome.Succeeded ? View("~/Features/Grants/Closure.cshtml", outcome.Value) : NotFound();
    }
}
