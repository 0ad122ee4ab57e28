using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Web.Features.Reviews;

namespace TrustFund.Web.Features.ReviewAssignments;

/// <summary>Fund managers' list of reviewers with their profiles and loads, one reviewer's assignments, and their profile.</summary>
[Route("Manage/Reviewers")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ReviewersController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<ReviewersController> _text;

    public ReviewersController(IUseCases useCases, IStringLocalizer<ReviewersController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View("/Features/ReviewAssignments/Reviewers.cshtml", (await _useCases.RunAsync(new ListReviewers(), cancellationToken)).Value);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Reviewer(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReviewerAssignments(id), cancellationToken);
        return outcome.Succeeded ? View("/Features/ReviewAssignments/Reviewer.cshtml", outcome.Value) : NotFound();
    }

    [HttpGet("{id:guid}/Profile")]
    public Task<IActionResult> Profile(Guid id, CancellationToken cancellationToken) => ReviewerProfileForm.PageAsync(this, _useCases, id, null, cancellationToken);

    [HttpPost("{id:guid}/Profile")]
    public Task<IActionResult> Profile(Guid id, ProfileInput input, CancellationToken cancellationToken) =>
        ReviewerProfileForm.SaveAsync(this, _useCases, _text, id, input, _text["The reviewer's profile has been saved."].Value, $"/Manage/Reviewers/{id:D}", cancellationToken);
}
