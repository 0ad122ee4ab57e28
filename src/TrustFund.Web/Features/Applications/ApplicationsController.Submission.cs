using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Features.Applications;

/// <summary>Submission (checklist, reference, receipt), withdrawal and the comparison of submitted versions.</summary>
public sealed partial class ApplicationsController
{
    private const int SubmitAttempts = 5;

    [HttpGet("{id:guid}/Submit")]
    public async Task<IActionResult> Submit(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        return loaded is null ? NotFound() : await SubmitViewAsync(loaded, cancellationToken);
    }

    /// <summary>
    /// Submits with the server's clock. The call hands out the reference under its version token, so
    /// two simultaneous submissions to one call conflict and the loser retries with the next number;
    /// a repeated click finds the application already submitted and shows its receipt.
    /// </summary>
    [HttpPost("{id:guid}/Submit")]
    [ActionName("Submit")]
    public async Task<IActionResult> SubmitPost(Guid id, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= SubmitAttempts; attempt++)
        {
            var loaded = await LoadAsync(id, cancellationToken, withVersions: true);
            if (loaded is null)
            {
                return NotFound();
            }

            var application = loaded.Application;
            if (!application.IsEditable)
            {
                TempData["Notice"] = application.Reference is null
                    ? _text["This application can no longer be submitted."].Value
                    : _text["This application has already been submitted: here is its receipt."].Value;
                return Redirect(application.Reference is null ? $"/Applications/{id}" : $"/Applications/{id}/Receipt");
            }

            var context = await SubmissionContextAsync(loaded, cancellationToken);
            var resubmission = application.Status == ApplicationStatus.InformationRequested;
            try
            {
                application.Submit(context, () => loaded.Call.TakeNextReference(context.NowUtc), loaded.Applicant.Name);
            }
            catch (RulesViolatedException ex)
            {
                foreach (var violation in ex.Violations)
                {
                    ModelState.AddModelError(string.Empty, RefusalMessage(violation, loaded));
                }

                _db.ChangeTracker.Clear();
                var unchanged = await LoadAsync(id, cancellationToken);
                return unchanged is null ? NotFound() : await SubmitViewAsync(unchanged, cancellationToken);
            }

            var version = application.Versions[^1];
            _db.Entry(version).State = EntityState.Added;
            _audit.Record(
                resubmission ? AuditActions.ApplicationResubmitted : AuditActions.ApplicationSubmitted,
                string.Create(CultureInfo.InvariantCulture, $"Application {application.Reference} {(resubmission ? "resubmitted" : "submitted")} as version {version.Number} by {loaded.Applicant.Email}"),
                nameof(GrantApplication),
                application.Id.ToString());
            _email.Enqueue(ReceiptEmail(loaded, version));
            try
            {
                await _db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another submission to the same call took this number first (version token or unique
                // reference), or this application changed: look again with fresh data.
                _db.ChangeTracker.Clear();
                continue;
            }

            TempData["Notice"] = resubmission
                ? _text["Your application has been resubmitted."].Value
                : _text["Your application has been submitted."].Value;
            return Redirect($"/Applications/{id}/Receipt");
        }

        ModelState.AddModelError(string.Empty, _text["Many applications are being submitted right now. Your application has not been submitted yet: try again in a moment."]);
        _db.ChangeTracker.Clear();
        var current = await LoadAsync(id, cancellationToken);
        return current is null ? NotFound() : await SubmitViewAsync(current, cancellationToken);
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

    private string RefusalMessage(RuleViolation violation, LoadedApplication loaded) => violation.Field switch
    {
        "Deadline" => _text["The deadline for this call was {0}. Your application was not submitted; your draft is still saved.", Labels.InZone(loaded.Call.ClosesAtUtc, loaded.Call.Terms.TimeZoneId)],
        "Organisation" => _text["Your organisation has not been verified by the Secretariat yet, so it cannot submit. Your draft is saved: you can submit once your organisation is verified."],
        _ => _text[violation.Message],
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

    private EmailMessage ReceiptEmail(LoadedApplication loaded, ApplicationVersion version)
    {
        var application = loaded.Application;
        var when = Labels.InZone(version.SubmittedAtUtc, loaded.Call.Terms.TimeZoneId);
        var subject = _text["Application {0} received", application.Reference!].Value;
        var body = string.Join(
            "\n",
            _text["Dear {0},", loaded.Applicant.Name].Value,
            string.Empty,
            _text["We have received your application to the call {0} ({1}).", loaded.Call.Title, loaded.Call.Code].Value,
            string.Empty,
            _text["Reference: {0}", application.Reference!].Value,
            _text["Project: {0}", application.Title].Value,
            _text["Version: {0}", version.Number].Value,
            _text["Received: {0}", when].Value,
            string.Empty,
            _text["Quote the reference in any message about this application. You can see its status under My applications."].Value);
        return new EmailMessage(loaded.Applicant.Email, subject, body);
    }
}
