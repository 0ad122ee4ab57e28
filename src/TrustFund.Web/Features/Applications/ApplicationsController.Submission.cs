using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Applications;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Applications;

/// <summary>Submission (checklist, reference, receipt), withdrawal and the comparison of submitted versions.</summary>
public sealed partial class ApplicationsController
{
    [HttpGet("{id:guid}/Submit")]
    public async Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        return loaded is null ? NotFound() : await SubmitViewAsync(loaded, cancellationToken);
    }

    /// <summary>Submits with the server's clock; a repeated click finds the application already submitted and shows its receipt.</summary>
    [HttpPost("{id:guid}/Submit")]
    [ActionName("Submit")]
    public async Task<IActionResult> SubmitPost(Guid id, [FromServices] IUseCases useCases, CancellationToken cancellationToken)
    {
        var outcome = await useCases.RunAsync(new SubmitApplication(id), cancellationToken);
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

        var current = await LoadAsync(id, cancellationToken);
        if (current is null)
        {
            return NotFound();
        }

        foreach (var problem in outcome.Problems)
        {
            ModelState.AddModelError(string.Empty, RefusalMessage(problem, current));
        }

        if (outcome.Stale is { } stale)
        {
            ModelState.AddModelError(string.Empty, Outcomes.StaleMessage(stale, _text));
        }

        return await SubmitViewAsync(current, cancellationToken);
    }

    [HttpGet("{id:guid}/Receipt")]
    public async Task<IActionResult> Receipt(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken, withVersions: true);
        if (loaded is null)
        {
            return NotFound();
        }

        var application = loaded.Application;
        var latest = application.Versions.OrderBy(v => v.Number).LastOrDefault();
        if (application.Reference is null || latest is null)
        {
            TempData["Notice"] = _text["This application has not been submitted yet."].Value;
            return Redirect($"/Applications/{id}");
        }

        return View(new ReceiptModel(
            Header(loaded),
            application.Reference,
            Labels.InZone(latest.SubmittedAtUtc, loaded.Call.Terms.TimeZoneId),
            latest.Number,
            latest.Content.AmountRequested,
            latest.SubmittedBy));
    }

    [HttpGet("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        return WithdrawView(new WithdrawInput(), loaded);
    }

    [HttpPost("{id:guid}/Withdraw")]
    public async Task<IActionResult> Withdraw(Guid id, WithdrawInput input, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        var application = loaded.Application;
        if (application.Status == ApplicationStatus.Withdrawn)
        {
            TempData["Notice"] = _text["This application has already been withdrawn."].Value;
            return Redirect($"/Applications/{id}");
        }

        if (!ModelState.IsValid)
        {
            return WithdrawView(input, loaded);
        }

        try
        {
            application.Withdraw(input.Reason!, Now);
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(application.IsBeforeDecision ? nameof(WithdrawInput.Reason) : string.Empty, _text[ex.Message]);
            return WithdrawView(input, loaded);
        }

        _audit.Record(
            AuditActions.ApplicationWithdrawn,
            $"Application {application.Reference ?? "(draft)"} withdrawn by {loaded.Applicant.Email}: {application.WithdrawalReason}",
            nameof(GrantApplication),
            application.Id.ToString());
        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var fresh = await LoadAsync(id, cancellationToken);
            if (fresh is null)
            {
                return NotFound();
            }

            ModelState.AddModelError(string.Empty, _text["The application changed while you were withdrawing it: check its status, then try again."]);
            return WithdrawView(input, fresh);
        }

        TempData["Notice"] = _text["The application has been withdrawn."].Value;
        return Redirect($"/Applications/{id}");
    }

    [HttpGet("{id:guid}/Versions/Compare")]
    public async Task<IActionResult> Compare(Guid id, int? from, int? to, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken, withVersions: true);
        if (loaded is null)
        {
            return NotFound();
        }

        var versions = loaded.Application.Versions.OrderBy(v => v.Number).ToList();
        if (versions.Count == 0)
        {
            TempData["Notice"] = _text["This application has no submitted version yet."].Value;
            return Redirect($"/Applications/{id}");
        }

        var right = to ?? versions[^1].Number;
        var left = from ?? Math.Max(1, right - 1);
        var fromVersion = versions.FirstOrDefault(v => v.Number == left);
        var toVersion = versions.FirstOrDefault(v => v.Number == right);
        if (fromVersion is null || toVersion is null)
        {
            return NotFound();
        }

        return View(new CompareModel(
            Header(loaded),
            left,
            right,
            versions.Select(v => v.Number).ToList(),
            ProposalComparison.Compare(fromVersion.Content, toVersion.Content)));
    }

    private string RefusalMessage(Problem problem, LoadedApplication loaded) => problem.Field switch
    {
        "Deadline" when loaded.Application.InformationResponseDueUtc is { } due => _text["The date to respond to the Secretariat's request was {0}. Your application was not resubmitted; your changes are still saved.", Labels.InZone(due, loaded.Call.Terms.TimeZoneId)],
        "Deadline" => _text["The deadline for this call was {0}. Your application was not submitted; your draft is still saved.", Labels.InZone(loaded.Call.ClosesAtUtc, loaded.Call.Terms.TimeZoneId)],
        "Organisation" => _text["Your organisation has not been verified by the Secretariat yet, so it cannot submit. Your draft is saved: you can submit once your organisation is verified."],
        _ => Outcomes.Message(problem, _text),
    };

    private async Task<ViewResult> SubmitViewAsync(LoadedApplication loaded, CancellationToken cancellationToken)
    {
        var checks = loaded.Application.CheckSubmission(await SubmissionContextAsync(loaded, cancellationToken));
        return View("Submit", new SubmitModel(Header(loaded), checks));
    }

    private ViewResult WithdrawView(WithdrawInput input, LoadedApplication loaded)
    {
        ViewData["Section"] = new SectionPage(Header(loaded), loaded.Call, null);
        ViewData["CanWithdraw"] = loaded.Application.IsBeforeDecision;
        return View("Withdraw", input);
    }
}
