using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Applications;
using TrustFund.Application.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>Submission (checklist, reference, receipt) and withdrawal of an application (<see cref="SubmitApplication"/>, <see cref="WithdrawApplication"/>).</summary>
[Route("Applications")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class ApplicationSubmissionController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public ApplicationSubmissionController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("{id:guid}/Submit")]
    public Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken) => SubmitViewAsync(id, cancellationToken);

    /// <summary>Submits with the server's clock; a repeated click finds the application already submitted and shows its receipt.</summary>
    [HttpPost("{id:guid}/Submit")]
    [ActionName("Submit")]
    public async Task<IActionResult> SubmitPost(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new SubmitApplication(id), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            var submitted = outcome.Value;
            TempData["Notice"] = submitted.AlreadySubmitted ? _text["This application has already been submitted: here is its receipt."].Value
                : submitted.Resubmission ? _text["Your application has been resubmitted."].Value
                : _text["Your application has been submitted."].Value;
            return Redirect($"/Applications/{id}/Receipt");
        }

        return await SubmitViewAsync(id, cancellationToken, outcome);
    }

    [HttpGet("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken cancellationToken)
    {
        var shown = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
        return shown.Succeeded ? WithdrawView(new WithdrawInput(), shown.Value) : NotFound();
    }

    [HttpPost("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            var shown = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
            return !shown.Succeeded ? NotFound()
                : shown.Value.Application.Status == Domain.Applications.ApplicationStatus.Withdrawn ? AlreadyWithdrawn(id)
                : WithdrawView(input, shown.Value);
        }

        var outcome = await _useCases.RunAsync(new WithdrawApplication(id, input.Reason!), cancellationToken);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Succeeded)
        {
            if (outcome.Value.AlreadyWithdrawn)
            {
                return AlreadyWithdrawn(id);
            }

            TempData["Notice"] = _text["The application has been withdrawn."].Value;
            return Redirect($"/Applications/{id}");
        }

        var current = await _useCases.RunAsync(new ShowApplication(id), cancellationToken);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Stale)
        {
            ModelState.AddModelError(string.Empty, _text["The application changed while you were withdrawing it: check its status, then try again."]);
        }
        else
        {
            ModelState.AddProblems(outcome.Problems, _text, _ => nameof(WithdrawInput.Reason), current.Value.Application.IsBeforeDecision ? nameof(WithdrawInput.Reason) : string.Empty);
        }

        return WithdrawView(input, current.Value);
    }

    private RedirectResult AlreadyWithdrawn(Guid id)
    {
        TempData["Notice"] = _text["This application has already been withdrawn."].Value;
        return Redirect($"/Applications/{id}");
    }

    private string RefusalMessage(Problem problem, ApplicationDetails details) => problem.Field switch
    {
        "Deadline" when details.Application.InformationResponseDueUtc is { } due => _text["The date to respond to the Secretariat's request was {0}. Your application was not resubmitted; your changes are still saved.", Labels.InZone(due, details.Call.Terms.TimeZoneId)],
        "Deadline" => _text["The deadline for this call was {0}. Your application was not submitted; your draft is still saved.", Labels.InZone(details.Call.ClosesAtUtc, details.Call.Terms.TimeZoneId)],
        "Organisation" => _text["Your organisation has not been verified by the Secretariat yet, so it cannot submit. Your draft is saved: you can submit once your organisation is verified."],
        _ => Outcomes.Message(problem, _text),
    };

    private async Task<IActionResult> SubmitViewAsync(Guid id, CancellationToken cancellationToken, Outcome<SubmittedApplication>? refused = null)
    {
        var shown = await _useCases.RunAsync(new ShowApplication(id, WithChecks: true), cancellationToken);
        if (!shown.Succeeded)
        {
            return NotFound();
        }

        if (refused is not null)
        {
            foreach (var problem in refused.Problems)
            {
                ModelState.AddModelError(string.Empty, RefusalMessage(problem, shown.Value));
            }

            if (refused.Stale is { } stale)
            {
                ModelState.AddModelError(string.Empty, Outcomes.StaleMessage(stale, _text));
            }
        }

        return View(ApplicationPages.View("Submit"), new SubmitModel(ApplicationPages.Header(shown.Value), shown.Value.Checks));
    }

    private ViewResult WithdrawView(WithdrawInput input, ApplicationDetails details)
    {
        ViewData["Section"] = new SectionPage(ApplicationPages.Header(details), details.Call, null);
        ViewData["CanWithdraw"] = details.Application.IsBeforeDecision;
        return View(ApplicationPages.View("Withdraw"), input);
    }
}
