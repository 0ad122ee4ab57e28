using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Reviews;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Reviews;

/// <summary>A reviewer's own work: declaring conflicts, scoring assigned applications, and their profile.</summary>
[Route("Reviews")]
[Authorize(Policy = Capabilities.Review)]
public sealed class ReviewsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<ReviewsController> _text;

    public ReviewsController(IUseCases useCases, IStringLocalizer<ReviewsController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("{assignmentId:guid}/Declaration")]
    public Task<IActionResult> Declaration(Guid assignmentId, CancellationToken cancellationToken) =>
        DeclarationPageAsync(assignmentId, null, cancellationToken);

    [HttpPost("{assignmentId:guid}/Declaration")]
    public async Task<IActionResult> Declaration(Guid assignmentId, DeclarationInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await DeclarationPageAsync(assignmentId, input, cancellationToken);
        }

        var conflict = input.Decision == DeclarationInput.Conflict;
        var outcome = conflict
            ? await _useCases.RunAsync(new DeclareConflict(assignmentId, input.Version, input.Type, input.Note), cancellationToken)
            : await _useCases.RunAsync(new DeclareNoConflict(assignmentId, input.Version), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done when conflict:
                TempData["Notice"] = outcome.Value == Declared.AlreadyRecorded
                    ? _text["Your conflict of interest was already recorded."].Value
                    : _text["Your conflict of interest is recorded and you have stepped aside from this review. The fund managers have been told."].Value;
                return Redirect("/");
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == Declared.AlreadyRecorded
                    ? _text["You had already declared no conflict of interest."].Value
                    : _text["You declared no conflict of interest. You can now read and score the application."].Value;
                return Redirect($"/Reviews/{assignmentId}");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, field => field switch
                {
                    nameof(DeclareConflict.Type) or nameof(ReviewAssignment.ConflictType) => nameof(DeclarationInput.ConflictType),
                    nameof(DeclareConflict.Note) or nameof(ReviewAssignment.ConflictNote) => nameof(DeclarationInput.Note),
                    _ => string.Empty,
                });
                return await DeclarationPageAsync(assignmentId, input, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
        }
    }

    [HttpGet("{assignmentId:guid}")]
    public Task<IActionResult> Review(Guid assignmentId, CancellationToken cancellationToken) =>
        ReviewPageAsync(assignmentId, null, cancellationToken);

    [HttpPost("{assignmentId:guid}")]
    public async Task<IActionResult> Review(Guid assignmentId, ReviewInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ReviewPageAsync(assignmentId, input, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(
            new SaveReview(assignmentId, input.Version, input.CriterionScores(), input.ChosenRecommendation, input.Summary, input.Submits),
            cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value switch
                {
                    ReviewSaved.Submitted => _text["Your review has been submitted. It can no longer be changed."].Value,
                    ReviewSaved.AlreadySubmitted => _text["Your review had already been submitted."].Value,
                    _ => _text["Your draft has been saved."].Value,
                };
                return Redirect(outcome.Value == ReviewSaved.DraftSaved ? $"/Reviews/{assignmentId}" : "/");
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Stale when input.Submits && await IsSubmittedAsync(assignmentId, cancellationToken):
                // Submit pressed twice at once: the first press submitted the review.
                TempData["Notice"] = _text["Your review had already been submitted."].Value;
                return Redirect($"/Reviews/{assignmentId}");
            default:
                ModelState.AddOutcome(outcome, _text, field => FieldOf(input, field));
                return await ReviewPageAsync(assignmentId, input, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
        }
    }

    [HttpGet("Profile")]
    public Task<IActionResult> Profile(CancellationToken cancellationToken) => ReviewerProfileForm.PageAsync(this, _useCases, null, null, cancellationToken);

    [HttpPost("Profile")]
    public Task<IActionResult> Profile(ProfileInput input, CancellationToken cancellationToken) =>
        ReviewerProfileForm.SaveAsync(this, _useCases, _text, null, input, _text["Your reviewer profile has been saved."].Value, "/Reviews/Profile", cancellationToken);

    // A problem names a criterion by its key, the recommendation or the summary.
    private static string FieldOf(ReviewInput input, string field)
    {
        if (field is nameof(ReviewInput.Recommendation) or nameof(ReviewInput.Summary))
        {
            return field;
        }

        var index = input.Scores.FindIndex(s => s.Key == field);
        return index < 0 ? string.Empty : $"Scores[{index}].Score";
    }

    private async Task<bool> IsSubmittedAsync(Guid assignmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReview(assignmentId), cancellationToken);
        return outcome.Succeeded && outcome.Value.Status == AssignmentStatus.Submitted;
    }

    /// <summary>
    /// The declaration page, with the person's input when given. <paramref name="fresh"/>: the assignment
    /// changed meanwhile, so the form takes its current version (declaring again is a deliberate choice).
    /// </summary>
    private async Task<IActionResult> DeclarationPageAsync(Guid assignmentId, DeclarationInput? input, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await _useCases.RunAsync(new ShowDeclaration(assignmentId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var view = outcome.Value;
        if (fresh && input is not null)
        {
            ModelState.Remove(nameof(DeclarationInput.Version));
            input.Version = view.Version;
        }

        return View("Declaration", new DeclarationPage(view, input ?? new DeclarationInput { Version = view.Version }));
    }

    /// <summary>The review page (before a declaration, the declaration page instead), with the person's input when given.</summary>
    private async Task<IActionResult> ReviewPageAsync(Guid assignmentId, ReviewInput? input, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await _useCases.RunAsync(new ShowReview(assignmentId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var view = outcome.Value;
        if (view.Status == AssignmentStatus.Pending)
        {
            TempData["Notice"] = _text["Declare whether you have a conflict of interest before you read and score the application."].Value;
            return Redirect($"/Reviews/{assignmentId}/Declaration");
        }

        if (fresh && input is not null)
        {
            ModelState.Remove(nameof(ReviewInput.Version));
            input.Version = view.Version;
        }

        input ??= new ReviewInput
        {
            Version = view.Version,
            Scores = [.. view.Rubric.Select(c => view.ScoreOf(c.Key) is { } s
                ? new ScoreInput { Key = c.Key, Score = s.Score?.ToString(System.Globalization.CultureInfo.InvariantCulture), Comment = s.Comment }
                : new ScoreInput { Key = c.Key })],
            Recommendation = view.Recommendation?.ToString(),
            Summary = view.Summary,
        };
        return View("Review", new ReviewPage(view, input));
    }
}
