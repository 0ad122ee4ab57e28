using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;

namespace TrustFund.Web.Features.ReviewAssignments;

/// <summary>Fund managers' list of reviewers with their profiles and loads, and one reviewer's assignments.</summary>
[Route("Manage/Reviewers")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ReviewersController : Controller
{
    private readonly IUseCases _useCases;

    public ReviewersController(IUseCases useCases)
    {
        _useCases = useCases;
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
}
