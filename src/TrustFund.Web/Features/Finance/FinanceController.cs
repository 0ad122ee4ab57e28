using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;

namespace TrustFund.Web.Features.Finance;

/// <summary>The finance officer's payments queue: releases to approve, payments to record, instalments on hold.</summary>
[Route("Finance")]
[Authorize(Policy = Capabilities.ManagePayments)]
public sealed class FinanceController : Controller
{
    private readonly IUseCases _useCases;

    public FinanceController(IUseCases useCases)
    {
        _useCases = useCases;
    }

    [HttpGet("Payments")]
    public async Task<IActionResult> Payments(CancellationToken cancellationToken) =>
        View("Payments", (await _useCases.RunAsync(new ShowPaymentsQueue(), cancellationToken)).Value);
}
