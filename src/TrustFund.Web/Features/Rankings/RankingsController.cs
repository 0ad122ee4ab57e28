using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Reviews;
using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Rankings;

/// <summary>A call's ranking for fund managers: scores raw and normalised, flags, and the envelope line.</summary>
[Route("Manage/Calls/{id:guid}/Ranking")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class RankingsController : Controller
{
    private readonly IUseCases _useCases;

    public RankingsController(IUseCases useCases)
    {
        _useCases = useCases;
    }

    /// <summary>
    /// One page of the ranking. Unknown filter values (a country code given as a region, a number as an
    /// assistance type) show the whole ranking rather than an error: they can only come from an edited link.
    /// </summary>
    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, string? region, string? assistance, int page = 1, CancellationToken cancellationToken = default)
    {
        AssistanceType? type = Enum.TryParse<AssistanceType>(assistance, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(assistance, out _) ? parsed : null;
        var outcome = await _useCases.RunAsync(new ShowRanking(id, region, type, page), cancellationToken);
        return outcome.Succeeded ? View("Index", outcome.Value) : NotFound();
    }
}
