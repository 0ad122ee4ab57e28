using Microsoft.AspNetCore.Mvc;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Home;
using TrustFund.Application.Payments;
using TrustFund.Application.Reviews;

namespace TrustFund.Web.Features.Home;

/// <summary>Each role's home page, at the site root after sign-in.</summary>
[Route("")]
public sealed class HomeController : Controller
{
    private readonly IUseCases _useCases;

    public HomeController(IUseCases useCases)
    {
        _useCases = useCases;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        if (User.IsInRole(Roles.Administrator))
        {
            return View("Administrator", (await _useCases.RunAsync(new ShowAdministratorHome(), cancellationToken)).Value);
        }

        if (User.IsInRole(Roles.FundManager))
        {
            return View("FundManager", (await _useCases.RunAsync(new ShowFundManagerHome(), cancellationToken)).Value);
        }

        if (User.IsInRole(Roles.FinanceOfficer))
        {
            return View("FinanceOfficer", (await _useCases.RunAsync(new ShowPaymentsQueue(), cancellationToken)).Value);
        }

        if (User.IsInRole(Roles.Reviewer))
        {
            return View("Reviewer", (await _useCases.RunAsync(new ShowReviewerQueue(), cancellationToken)).Value);
        }

        if (User.IsInRole(Roles.Applicant))
        {
            var home = (await _useCases.RunAsync(new ShowApplicantHome(), cancellationToken)).Value;
            return home is null ? View("NoRole") : View("Applicant", home);
        }

        return View("NoRole");
    }
}
