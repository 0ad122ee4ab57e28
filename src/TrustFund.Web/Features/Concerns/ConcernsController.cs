using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Concerns;
using TrustFund.Web.Features.Payments;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Concerns;

/// <summary>
/// The safeguarding, misconduct and fraud concerns recorded against an organisation: Secretariat staff
/// read them; fund managers open them and close them with a written outcome. While one is open, none
/// of the organisation's instalments can be released or paid.
/// </summary>
[Route("Manage/Organisations/{id:guid}/Concerns")]
[Authorize(Policy = Capabilities.SeeConcerns)]
public sealed class ConcernsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ConcernsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) => PageAsync(id, null, null, null, cancellationToken);

    [HttpPost("")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> Open(Guid id, ConcernInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, input, null, null, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new OpenConcern(id, input.ChosenCategory, MoneyFields.Date(input.OpenedOn), input.Note), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value.AlreadyRecorded
                    ? _text.GetString("This concern was already recorded.").Value
                    : _text.GetString("The concern is recorded. No instalment of this organisation can be released or paid until it is closed.").Value;
                return Redirect($"/Manage/Organisations/{id}/Concerns");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, field => field switch
                {
                    nameof(OpenConcern.Category) or nameof(OpenConcern.OpenedOn) or nameof(OpenConcern.Note) => field,
                    _ => string.Empty,
                });
                return await PageAsync(id, input, null, null, cancellationToken);
        }
    }

    [HttpPost("{concernId:guid}/Close")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> Close(Guid id, Guid concernId, ConcernOutcomeInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, null, concernId, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new CloseConcern(id, concernId, input.Version, input.Outcome), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value.AlreadyClosed
                    ? _text.GetString("This concern was already closed.").Value
                    : _text.GetString("The concern is closed with its outcome.").Value;
                return Redirect($"/Manage/Organisations/{id}/Concerns");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, field => field == nameof(CloseConcern.Outcome) ? nameof(ConcernOutcomeInput.Outcome) : string.Empty);
                return await PageAsync(id, null, concernId, input, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
        }
    }

    private async Task<IActionResult> PageAsync(Guid id, ConcernInput? input, Guid? closingId, ConcernOutcomeInput? closing, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await _useCases.RunAsync(new ShowConcerns(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (fresh && closing is not null)
        {
            ModelState.Remove(nameof(ConcernOutcomeInput.Version));
            closing.Version = outcome.Value.Concerns.FirstOrDefault(c => c.Id == closingId)?.Version;
        }

        return View("Concerns", new ConcernsPage(outcome.Value, input ?? new ConcernInput { OpenedOn = null }, closingId, closing ?? new ConcernOutcomeInput()));
    }
}
