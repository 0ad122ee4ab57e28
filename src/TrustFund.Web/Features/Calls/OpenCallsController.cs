using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Calls;

/// <summary>
/// The public side of calls: the open calls page and each call's page (no sign-in), and applicants'
/// clarification questions. Drafts are never shown; another organisation's question is not found.
/// </summary>
public sealed class OpenCallsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public OpenCallsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("calls")]
    [AllowAnonymous]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("~/Features/Calls/Open.cshtml", (await _useCases.RunAsync(new ListOpenCalls(), cancellationToken)).Value);

    [HttpGet("calls/{code}")]
    [AllowAnonymous]
    public async Task<IActionResult> Show(string code, CancellationToken cancellationToken) =>
        await PageAsync(code, new QuestionInput(), cancellationToken);

    [HttpPost("calls/{code}/questions")]
    [Authorize(Policy = Capabilities.ActAsApplicant)]
    public async Task<IActionResult> Ask(string code, QuestionInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new AskClarification(code, input.Question ?? string.Empty), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, _ => nameof(QuestionInput.Question), generalField: nameof(QuestionInput.Question));
            return await PageAsync(code, input, cancellationToken);
        }

        TempData["Notice"] = _text["Your question was sent to the Secretariat. Answers are published on this page without your name or organisation."].Value;
        return Redirect($"/calls/{Uri.EscapeDataString(outcome.Value.CallCode)}/questions/{outcome.Value.QuestionId}");
    }

    [HttpGet("calls/{code}/questions/{id:guid}")]
    [Authorize(Policy = Capabilities.ActAsApplicant)]
    public async Task<IActionResult> Question(string code, Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowOwnQuestion(code, id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        ViewData["Call"] = outcome.Value.Call;
        return View("~/Features/Calls/Question.cshtml", outcome.Value.Question);
    }

    private async Task<IActionResult> PageAsync(string code, QuestionInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowPublicCall(code), cancellationToken);
        return outcome.Succeeded ? View("~/Features/Calls/Call.cshtml", new PublicCallModel(outcome.Value, input)) : NotFound();
    }
}
