using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Domain.Calls;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Calls;

/// <summary>Fund managers create, edit, publish, close and delete calls, and answer clarification questions.</summary>
[Route("Manage/Calls")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class CallsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public CallsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? status, int page = 1, CancellationToken cancellationToken = default)
    {
        CallStatus? filter = Enum.TryParse<CallStatus>(status, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        return View((await _useCases.RunAsync(new ListCalls(filter, page), cancellationToken)).Value);
    }

    [HttpGet("New")]
    public IActionResult New() => Form(CallInput.Defaults(), null);

    [HttpPost("New")]
    public async Task<IActionResult> New(CallInput input, CancellationToken cancellationToken)
    {
        if (ChangeRubricRows(input) || !ModelState.IsValid || input.ToTerms(ModelState.AddModelError, _text) is not { } terms)
        {
            return Form(input, null);
        }

        var outcome = await _useCases.RunAsync(new DraftCall(terms), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, CallInput.FieldFor);
            return Form(input, null);
        }

        TempData["Notice"] = _text["The call {0} was saved as a draft. Applicants cannot see it until you publish it.", outcome.Value.Code].Value;
        return Redirect($"/Manage/Calls/{outcome.Value.Id}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, CancellationToken cancellationToken) =>
        await DetailsAsync(id, cancellationToken);

    [HttpGet("{id:guid}/Edit")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowCall(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var call = outcome.Value.Call;
        if (call.Status is not (CallStatus.Draft or CallStatus.Published))
        {
            TempData["Notice"] = _text["Only a draft or published call can be changed."].Value;
            return Redirect($"/Manage/Calls/{id}");
        }

        return Form(CallInput.From(call.Terms, call.Version), call);
    }

    [HttpPost("{id:guid}/Edit")]
    public async Task<IActionResult> Edit(Guid id, CallInput input, CancellationToken cancellationToken)
    {
        var current = await _useCases.RunAsync(new ShowCall(id), cancellationToken);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        if (ChangeRubricRows(input) || !ModelState.IsValid || input.ToTerms(ModelState.AddModelError, _text) is not { } terms)
        {
            return Form(input, current.Value.Call);
        }

        var outcome = await _useCases.RunAsync(new AmendCall(id, input.Version, CallInput.KeepingReviewSettings(terms, current.Value.Call.Terms), input.AmendmentReason), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value.Amendment is { } amendment
                    ? _text["Amendment {0} to the call was saved. The organisations with drafts or submissions on this call have been told by email.", amendment.Number].Value
                    : _text["The call was saved."].Value;
                return Redirect($"/Manage/Calls/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Stale:
                // Saving again is a deliberate choice, made after seeing who changed the call.
                ModelState.AddOutcome(outcome, _text);
                var fresh = await _useCases.RunAsync(new ShowCall(id), cancellationToken);
                ModelState.Remove(nameof(CallInput.Version));
                input.Version = fresh.Succeeded ? fresh.Value.Call.Version : input.Version;
                return Form(input, fresh.Succeeded ? fresh.Value.Call : current.Value.Call);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text, CallInput.FieldFor);
                return Form(input, current.Value.Call);
        }

        return NotFound();
    }

    [HttpPost("{id:guid}/Publish")]
    public async Task<IActionResult> Publish(Guid id, Guid? version, CancellationToken cancellationToken) =>
        await MoveAsync(id, await _useCases.RunAsync(new PublishCall(id, version), cancellationToken), code => _text["The call {0} is published: applicants can see it on the open calls page.", code], cancellationToken);

    [HttpPost("{id:guid}/Close")]
    public async Task<IActionResult> Close(Guid id, Guid? version, CancellationToken cancellationToken) =>
        await MoveAsync(id, await _useCases.RunAsync(new CloseCall(id, version), cancellationToken), code => _text["The call {0} is closed: no more applications can be submitted.", code], cancellationToken);

    [HttpPost("{id:guid}/Delete")]
    public async Task<IActionResult> Delete(Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DeleteCall(id, version), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await MoveAsync(id, outcome, _ => string.Empty, cancellationToken);
        }

        TempData["Notice"] = _text["The call {0} was deleted.", outcome.Value].Value;
        return Redirect("/Manage/Calls");
    }

    [HttpPost("{id:guid}/Questions/{questionId:guid}")]
    public async Task<IActionResult> Answer(Guid id, Guid questionId, AnswerInput input, CancellationToken cancellationToken)
    {
        var field = AnswerField(questionId);
        var outcome = await _useCases.RunAsync(new AnswerClarification(id, questionId, input.Version, input.Answer ?? string.Empty, input.Publish), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            ModelState.AddOutcome(outcome, _text, _ => field, generalField: field);
            ViewData["AnswerFor"] = questionId;
            ViewData["AnswerText"] = input.Answer;
            return await DetailsAsync(id, cancellationToken);
        }

        TempData["Notice"] = outcome.Value.IsPublished
            ? _text["The answer is published on the call's page."].Value
            : _text["The answer was saved. It is not public until you publish it."].Value;
        return Redirect($"/Manage/Calls/{id}#{field}");
    }

    /// <summary>Id of the answer field of one question on the details page.</summary>
    public static string AnswerField(Guid questionId) => $"Answer-{questionId:N}";

    private ViewResult Form(CallInput input, Call? call)
    {
        ViewData["Call"] = call;
        ViewData["FormAction"] = call is null ? "/Manage/Calls/New" : $"/Manage/Calls/{call.Id}/Edit";
        return View("Form", input);
    }

    /// <summary>Adds or removes a rubric row when one of those buttons was pressed (the page is shown again, not saved).</summary>
    private bool ChangeRubricRows(CallInput input)
    {
        if (!input.ApplyRubricCommand())
        {
            return false;
        }

        ModelState.Clear();
        return true;
    }

    /// <summary>After a lifecycle move: its notice and the call's page, or the page with why it was refused.</summary>
    private async Task<IActionResult> MoveAsync(Guid id, Outcome<string> outcome, Func<string, string> notice, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return await DetailsAsync(id, cancellationToken);
        }

        TempData["Notice"] = notice(outcome.Value);
        return Redirect($"/Manage/Calls/{id}");
    }

    private async Task<IActionResult> DetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowCall(id), cancellationToken);
        return outcome.Succeeded ? View("Details", outcome.Value) : NotFound();
    }
}
