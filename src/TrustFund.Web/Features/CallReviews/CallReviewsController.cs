using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Calls;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.CallReviews;

/// <summary>A call's review, as fund managers run it: auto-assignment, the conflicts log, reminders and the review settings.</summary>
[Route("Manage/Calls/{id:guid}")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class CallReviewsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public CallReviewsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("Reviewers/Auto")]
    public Task<IActionResult> Auto(Guid id, CancellationToken cancellationToken) => PreviewAsync(id, cancellationToken);

    [HttpPost("Reviewers/Auto")]
    public async Task<IActionResult> Auto(Guid id, string? fingerprint, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ConfirmAutoAssignment(id, fingerprint), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                var done = outcome.Value;
                var made = Counted.Text(done.Assignments, "{0} assignment made to {1}; each reviewer has been told by email.", "{0} assignments made to {1}; each reviewer has been told by email.", Counted.Text(done.Reviewers, "{0} reviewer", "{0} reviewers"));
                TempData["Notice"] = done.Shortfalls > 0
                    ? made + " " + Counted.Text(done.Shortfalls, "{0} application still lacks reviewers: see why below.", "{0} applications still lack reviewers: see why below.")
                    : made;
                return Redirect($"/Manage/Calls/{id}/Reviewers/Auto");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, _ => string.Empty);
                return await PreviewAsync(id, cancellationToken);
        }
    }

    [HttpPost("Reviewers/Remind")]
    public async Task<IActionResult> Remind(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new SendReviewReminders(), cancellationToken);
        TempData["Notice"] = outcome.Succeeded
            ? _text["Reminders sent to {0} reviewers about {1} overdue reviews.", outcome.Value.Reviewers, outcome.Value.Assignments].Value
            : _text["Reminders were being sent at the same moment by another process; nobody was reminded twice."].Value;
        return Redirect($"/Manage/Calls/{id}/Conflicts");
    }

    [HttpGet("Conflicts")]
    public async Task<IActionResult> Conflicts(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowConflictsLog(id), cancellationToken);
        return outcome.Succeeded ? View("Conflicts", outcome.Value) : NotFound();
    }

    [HttpGet("ReviewSettings")]
    public Task<IActionResult> ReviewSettings(Guid id, CancellationToken cancellationToken) => SettingsAsync(id, null, cancellationToken);

    [HttpPost("ReviewSettings")]
    public async Task<IActionResult> ReviewSettings(Guid id, ReviewSettingsInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await SettingsAsync(id, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(
            new ChangeReviewSettings(id, input.Version, ReviewSettingsInput.Whole(input.ReviewersPerApplication), ReviewSettingsInput.Whole(input.ReviewDays), ReviewSettingsInput.Whole(input.DisagreementThreshold), input.MinimumValue(), input.ReviewersSeeOtherReviews, input.RankingValue()),
            cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == 0 ? _text["Nothing had changed."].Value : _text["The review settings were saved."].Value;
                return Redirect($"/Manage/Calls/{id}");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Stale:
                ModelState.AddOutcome(outcome, _text);
                return await SettingsAsync(id, input, cancellationToken, fresh: true);
            default:
                ModelState.AddOutcome(outcome, _text);
                return await SettingsAsync(id, input, cancellationToken);
        }
    }

    private async Task<IActionResult> PreviewAsync(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new PreviewAutoAssignment(id), cancellationToken);
        return outcome.Succeeded ? View("Auto", outcome.Value) : NotFound();
    }

    private async Task<IActionResult> SettingsAsync(Guid id, ReviewSettingsInput? input, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await _useCases.RunAsync(new ShowCall(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var call = outcome.Value.Call;
        if (fresh && input is not null)
        {
            ModelState.Remove(nameof(ReviewSettingsInput.Version));
            input.Version = call.Version;
        }

        ViewData["Call"] = call;
        return View("Settings", input ?? ReviewSettingsInput.From(call.Terms, call.Version));
    }
}
