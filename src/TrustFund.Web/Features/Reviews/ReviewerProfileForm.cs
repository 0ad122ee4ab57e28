using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Reviews;

/// <summary>
/// The reviewer profile form, shared by the reviewer's own page (<c>reviewerId</c> null) and the fund
/// manager's page of a reviewer.
/// </summary>
internal static class ReviewerProfileForm
{
    private const string View = "/Features/Reviews/Profile.cshtml";

    /// <summary>Saves the form, then redirects to <paramref name="savedUrl"/> with <paramref name="notice"/>; or shows the form again with what went wrong.</summary>
    public static async Task<IActionResult> SaveAsync(
        Controller controller, IUseCases useCases, IStringLocalizer text, Guid? reviewerId, ProfileInput input, string notice, string savedUrl, CancellationToken cancellationToken)
    {
        if (!controller.ModelState.IsValid)
        {
            return await PageAsync(controller, useCases, reviewerId, input, cancellationToken);
        }

        var outcome = await useCases.RunAsync(
            new SaveReviewerProfile(reviewerId, input.Version, input.ChosenLanguages(), input.Regions, input.ChosenForms(), ReviewForms.WholeNumber(input.MaximumLoad) ?? 0),
            cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                controller.TempData["Notice"] = notice;
                return controller.Redirect(savedUrl);
            case OutcomeKind.NotFound:
                return controller.NotFound();
            default:
                controller.ModelState.AddOutcome(outcome, text);
                return await PageAsync(controller, useCases, reviewerId, input, cancellationToken, fresh: outcome.Kind == OutcomeKind.Stale);
        }
    }

    /// <summary>
    /// The form with the person's input when given. <paramref name="fresh"/>: the profile was saved
    /// meanwhile, so the form takes its current version (saving again is a deliberate choice).
    /// </summary>
    public static async Task<IActionResult> PageAsync(
        Controller controller, IUseCases useCases, Guid? reviewerId, ProfileInput? input, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await useCases.RunAsync(new ShowReviewerProfile(reviewerId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return controller.NotFound();
        }

        var view = outcome.Value;
        if (fresh && input is not null)
        {
            controller.ModelState.Remove(nameof(ProfileInput.Version));
            input.Version = view.Version;
        }

        return controller.View(View, new ProfilePage(view, input ?? ProfilePage.InputOf(view), Own: reviewerId is null));
    }
}
