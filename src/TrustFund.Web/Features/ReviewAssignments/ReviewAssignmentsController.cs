using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.ReviewAssignments;

/// <summary>A fund manager's page of one application's reviewers: assign, take back, reschedule, reopen, and rule on conflicts.</summary>
[Route("Manage/Applications/{id:guid}/Reviewers")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ReviewAssignmentsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ReviewAssignmentsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) => PageAsync(id, null, cancellationToken);

    [HttpPost("Assign")]
    public Task<IActionResult> Assign(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.ReviewerId, r => new AssignReviewer(id, r, input.DueDate), _ => _text["The reviewer was assigned and asked by email to declare any conflict of interest."], cancellationToken);

    [HttpPost("Remove")]
    public Task<IActionResult> Remove(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.AssignmentId, a => new RemoveAssignment(id, a, input.Version), _ => _text["The assignment was taken back."], cancellationToken);

    [HttpPost("DueDate")]
    public Task<IActionResult> DueDate(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.AssignmentId, a => new RescheduleReview(id, a, input.Version, input.DueDate), _ => _text["The due date was changed."], cancellationToken);

    [HttpPost("Reopen")]
    public Task<IActionResult> Reopen(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.AssignmentId, a => new ReopenReview(id, a, input.Version, input.Reason), _ => _text["The review was reopened: it is the reviewer's draft again."], cancellationToken);

    [HttpPost("Conflicts/Pin")]
    public Task<IActionResult> Pin(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.ReviewerId, r => new PinConflict(id, r, input.Reason), ended => ended > 0 ? _text["The conflict is pinned and {0} open assignment(s) of the reviewer to this organisation ended.", ended] : _text["The conflict is pinned: the reviewer will not be assigned to this organisation's applications."], cancellationToken);

    [HttpPost("Conflicts/Confirm")]
    public Task<IActionResult> Confirm(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.ReviewerId, r => new RuleOnProbableConflict(id, r, true, input.Reason), _ => _text["The probable conflict is confirmed: the reviewer will not be assigned to this organisation's applications."], cancellationToken);

    [HttpPost("Conflicts/Dismiss")]
    public Task<IActionResult> Dismiss(Guid id, ReviewerActionInput input, CancellationToken cancellationToken) =>
        RunAsync(id, input, input.ReviewerId, r => new RuleOnProbableConflict(id, r, false, input.Reason), _ => _text["The probable conflict is dismissed: the reviewer can be assigned."], cancellationToken);

    /// <summary>Runs the action on the record the form names; any refusal is shown at the top of the page, which is read again.</summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, ReviewerActionInput input, Guid? record, Func<Guid, IUseCase<T>> action, Func<T, LocalizedString> notice, CancellationToken cancellationToken)
    {
        if (record is null)
        {
            ModelState.AddModelError(string.Empty, _text["Choose a reviewer or an assignment on this page."]);
        }

        if (!ModelState.IsValid)
        {
            return await PageAsync(id, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(action(record!.Value), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text, _ => string.Empty);
            return await PageAsync(id, input, cancellationToken);
        }

        TempData["Notice"] = notice(outcome.Value).Value;
        return Redirect($"/Manage/Applications/{id}/Reviewers");
    }

    private async Task<IActionResult> PageAsync(Guid id, ReviewerActionInput? input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowApplicationReviewers(id), cancellationToken);
        return outcome.Succeeded ? View("Index", new ApplicationReviewersPage(outcome.Value, input ?? new ReviewerActionInput())) : NotFound();
    }
}

/// <summary>The page and the input of the form that was sent (to show it again after a refusal).</summary>
public sealed record ApplicationReviewersPage(ApplicationReviewersView View, ReviewerActionInput Input);
