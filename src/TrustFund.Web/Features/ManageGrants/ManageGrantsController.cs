using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Grants;

namespace TrustFund.Web.Features.ManageGrants;

/// <summary>The fund managers' list of grants, with filters and overdue flags, 50 to a page.</summary>
[Route("Manage/Grants")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ManageGrantsController : Controller
{
    private readonly IUseCases _useCases;

    public ManageGrantsController(IUseCases useCases)
    {
        _useCases = useCases;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] GrantListFilters filters, CancellationToken cancellationToken)
    {
        // Filters come from links and a GET form: a value that cannot be read is no filter, never an error.
        ModelState.Clear();
        var outcome = await _useCases.RunAsync(filters.ToRequest(), cancellationToken);
        return outcome.Succeeded ? View("Index", outcome.Value) : NotFound();
    }
}
