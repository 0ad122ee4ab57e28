using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Decisions;
using TrustFund.Domain.Decisions;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Decisions;

/// <summary>
/// The Board's sessions and decisions on a closed call, recorded by fund managers: the ranked
/// applications with where each stands, one page per application to record its decision (and the
/// feedback released to the applicant), and marking the call as decided.
/// </summary>
[Route("Manage/Calls/{callId:guid}/Decisions")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class DecisionsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<DecisionsController> _text;

    public DecisionsController(IUseCases useCases, IStringLocalizer<DecisionsController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid callId, CancellationToken cancellationToken) =>
        IndexPageAsync(callId, new SessionInput(), cancellationToken);

    [HttpPost("Sessions")]
    public async Task<IActionResult> RecordSession(Guid callId, SessionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await IndexPageAsync(callId, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new RecordBoardSession(callId, input.Number, input.HeldOnDate), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return await IndexPageAsync(callId, input, cancellationToken);
        }

        TempData["Notice"] = _text.GetString("The session {0} is recorded: you can now record its decisions.", input.Number?.Trim() ?? string.Empty).Value;
        return Redirect($"/Manage/Calls/{callId}/Decisions");
    }

    [HttpPost("MarkDecided")]
    public async Task<IActionResult> MarkDecided(Guid callId, Guid? version, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new MarkCallDecided(callId, version), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return await IndexPageAsync(callId, new SessionInput(), cancellationToken);
        }

        TempData["Notice"] = _text["The call is marked as decided. Reserve-list applications can still be approved while funds remain."].Value;
        return Redirect($"/Manage/Calls/{callId}/Decisions");
    }

    [HttpGet("{applicationId:guid}")]
    public Task<IActionResult> Decide(Guid callId, Guid applicationId, CancellationToken cancellationToken) =>
        DecidePageAsync(callId, applicationId, null, cancellationToken);

    [HttpPost("{applicationId:guid}")]
    public async Task<IActionResult> Decide(Guid callId, Guid applicationId, DecisionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await DecidePageAsync(callId, applicationId, input, cancellationToken);
        }

        var request = new RecordDecision(callId, applicationId, input.SessionId, input.Stamp, input.OutcomeValue, input.AmountValue, input.Conditions, input.Justification, input.Feedback);
        var outcome = await _useCases.RunAsync(request, cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                var recorded = outcome.Value;
                TempData["Notice"] = recorded.GrantNumber is { } number
                    ? _text.GetString("The approval is recorded and grant {0} is created, awaiting both signatures. The organisation has been told by email.", number).Value
                    : _text["The decision is recorded. The organisation has been told by email."].Value;
                return Redirect($"/Manage/Calls/{callId}/Decisions/{applicationId}");
            case OutcomeKind.Stale:
                ModelState.AddOutcome(outcome, _text);
                return await DecidePageAsync(callId, applicationId, input, cancellationToken, fresh: true);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text, field => field == nameof(RecordDecision.ApplicationId) ? string.Empty : field);
                return await DecidePageAsync(callId, applicationId, input, cancellationToken);
            default:
                return NotFound();
        }
    }

    [HttpPost("{applicationId:guid}/Feedback")]
    public Task<IActionResult> Feedback(Guid callId, Guid applicationId, FeedbackInput input, CancellationToken cancellationToken) =>
        FeedbackAsync(callId, applicationId, input, release: false, cancellationToken);

    [HttpPost("{applicationId:guid}/Feedback/Release")]
    public Task<IActionResult> ReleaseFeedback(Guid callId, Guid applicationId, FeedbackInput input, CancellationToken cancellationToken) =>
        FeedbackAsync(callId, applicationId, input, release: true, cancellationToken);

    private async Task<IActionResult> FeedbackAsync(Guid callId, Guid applicationId, FeedbackInput input, bool release, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await DecidePageAsync(callId, applicationId, null, cancellationToken, feedback: input);
        }

        var outcome = release
            ? await _useCases.RunAsync(new ReleaseDecisionFeedback(callId, input.SessionId!.Value, applicationId, input.SessionVersion, input.Text), cancellationToken)
            : await _useCases.RunAsync(new WriteDecisionFeedback(callId, input.SessionId!.Value, applicationId, input.SessionVersion, input.Text), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, field => field == nameof(ReleaseDecisionFeedback.Feedback) ? nameof(FeedbackInput.Text) : string.Empty);
            return await DecidePageAsync(callId, applicationId, null, cancellationToken, feedback: input);
        }

        TempData["Notice"] = release
            ? _text["The feedback is released: the organisation has been sent it by email."].Value
            : _text["The feedback is saved. The applicant sees it only once you release it."].Value;
        return Redirect($"/Manage/Calls/{callId}/Decisions/{applicationId}");
    }

    private async Task<IActionResult> IndexPageAsync(Guid callId, SessionInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowDecisions(callId), cancellationToken);
        return outcome.Succeeded ? View("Index", new DecisionsPageModel(outcome.Value, input)) : NotFound();
    }

    /// <summary>
    /// The decision page with the person's input. <paramref name="fresh"/>: a decision was recorded
    /// meanwhile, so the form takes the current stamp (deciding again, on the new figures, is a deliberate choice).
    /// </summary>
    private async Task<IActionResult> DecidePageAsync(Guid callId, Guid applicationId, DecisionInput? input, CancellationToken cancellationToken, bool fresh = false, FeedbackInput? feedback = null)
    {
        var outcome = await _useCases.RunAsync(new ShowDecisionForm(callId, applicationId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var form = outcome.Value;
        if (fresh && input is not null)
        {
            ModelState.Remove(nameof(DecisionInput.Stamp));
            input.Stamp = form.Stamp;
        }

        input ??= new DecisionInput
        {
            Stamp = form.Stamp,
            SessionId = form.Sessions.Count == 1 ? form.Sessions[0].Id : null,
            Outcome = form.Outcomes.Count == 1 ? form.Outcomes[0].ToString() : null,
        };
        return View("Decide", new DecisionPageModel(form, input, feedback));
    }
}

/// <summary>The decisions page and its session form.</summary>
public sealed record DecisionsPageModel(DecisionsPage Page, SessionInput Input);

/// <summary>The decision page of one application, its decision form and the feedback form shown again after a problem.</summary>
public sealed record DecisionPageModel(DecisionForm Form, DecisionInput Input, FeedbackInput? Feedback)
{
    public static string OutcomeWords(DecisionOutcome outcome) => outcome switch
    {
        DecisionOutcome.Approved => "Approved",
        DecisionOutcome.ReserveList => "Reserve list",
        DecisionOutcome.NotApproved => "Not approved",
        DecisionOutcome.Deferred => "Deferred",
    };

    public static string StandingWords(DecisionStanding standing) => standing switch
    {
        DecisionStanding.Undecided => "Not yet decided",
        DecisionStanding.Approved => "Approved",
        DecisionStanding.ReserveList => "On the reserve list",
        DecisionStanding.NotApproved => "Not approved",
        DecisionStanding.Deferred => "Deferred",
    };
}
