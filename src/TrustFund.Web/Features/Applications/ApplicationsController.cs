using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;

using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>
/// The applicant's journey: my applications, starting a draft, an application's overview, its receipt
/// and the comparison of its versions. The sections, documents and submission have their own
/// controllers. Another organisation's application answers 404.
/// </summary>
[Route("Applications")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class ApplicationsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ApplicationsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ListOwnApplications(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var own = outcome.Value;
        return View(new MyApplicationsModel(
            [.. own.Applications.Select(r => new MyApplicationRow(r.Id, r.Title, r.CallCode, r.CallTitle, r.Reference, r.Status, r.LastEditedAtUtc, Labels.InZone(r.ClosesAtUtc, r.TimeZoneId)))],
            [.. own.OpenCalls.Select(c => new OpenCallRow(c.Id, c.Code, c.Title, Labels.InZone(c.ClosesAtUtc, c.TimeZoneId), c.ExistingApplicationId))],
            own.OrganisationVerified));
    }

    [HttpPost("Start")]
    public async Task<IActionResult> Start(Guid callId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new StartApplication(callId), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var started = outcome.Value;
        switch (started.Result)
        {
            case StartResult.CallNotOpen:
                TempData["Notice"] = _text["This call is not open for applications any more."].Value;
                return Redirect("/Applications");
            case StartResult.Existing:
                TempData["Notice"] = _text["Your organisation already has an application for this call, so we have opened it. A call accepts one application per organisation."].Value;
                break;
            default:
                TempData["Notice"] = _text["Your draft application has been started. Fill in the sections in any order and save as you go."].Value;
                break;
        }

        return Redirect($"/Applications/{started.ApplicationId}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Overview(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowApplication(id, WithVersions: true, WithChecks: true), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var details = outcome.Value;
        var sections = Enum.GetValues<ApplicationSection>()
            .Where(s => s != ApplicationSection.Eligibility)
            .Select(s => new SectionProgress(s, details.Checks.Count(c => c.Section == s && !c.Passed)))
            .ToList();
        return View(new OverviewModel(
            ApplicationPages.Header(details),
            sections,
            [.. details.Versions.Select(v => new VersionRow(v.Number, v.SubmittedAtUtc, v.SubmittedBy))],
            details.Application.IsBeforeDecision,
            details.Application.WithdrawalReason));
    }

    [HttpGet("{id:guid}/Receipt")]
    public async Task<IActionResult> Receipt(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowReceipt(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Value.Submission is not { } receipt)
        {
            TempData["Notice"] = _text["This application has not been submitted yet."].Value;
            return Redirect($"/Applications/{id}");
        }

        return View(new ReceiptModel(
            ApplicationPages.Header(outcome.Value.Details),
            receipt.Reference,
            Labels.InZone(receipt.SubmittedAtUtc, receipt.TimeZoneId),
            receipt.VersionNumber,
            receipt.AmountRequested,
            receipt.SubmittedBy));
    }

    [HttpGet("{id:guid}/Versions/Compare")]
    public async Task<IActionResult> Compare(Guid id, int? from, int? to, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new CompareVersions(id, from, to), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Value.Versions is not { } compared)
        {
            TempData["Notice"] = _text["This application has no submitted version yet."].Value;
            return Redirect($"/Applications/{id}");
        }

        return View(new CompareModel(
            ApplicationPages.Header(outcome.Value.Details),
            compared.From,
            compared.To,
            compared.Numbers,
            ProposalComparison.Compare(compared.FromContent, compared.ToContent)));
    }
}
