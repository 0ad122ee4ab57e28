using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.Organisations;

namespace TrustFund.Web.Features.Screenings;

/// <summary>Eligibility screening of a submitted application by a fund manager.</summary>
[Route("Manage/Applications/{id:guid}/Screening")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ScreeningsController : Controller
{
    private readonly TrustFundDbContext _db;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<ScreeningsController> _text;

    public ScreeningsController(TrustFundDbContext db, IAuditTrail audit, IEmailOutbox outbox, TimeProvider clock, IStringLocalizer<ScreeningsController> text)
    {
        _db = db;
        _audit = audit;
        _outbox = outbox;
        _clock = clock;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, null, cancellationToken);
        return page is null ? NotFound() : View("Index", page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Index(Guid id, ScreeningInput input, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.Include(a => a.Versions).SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null, cancellationToken);
        if (application is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return await Redisplay(id, input, cancellationToken);
        }

        var screening = await _db.Screenings.SingleOrDefaultAsync(s => s.ApplicationId == id, cancellationToken);
        if (screening?.IsDecided == true)
        {
            if (input.Outcome == screening.Outcome)
            {
                // A repeated click on the same outcome: it is already recorded.
                TempData["Notice"] = _text["The outcome was already recorded."].Value;
                return Redirect($"/Manage/Applications/{id}/Screening");
            }

            ModelState.AddModelError(string.Empty, _text["The screening outcome has already been recorded; it can no longer change."]);
            return await Redisplay(id, input, cancellationToken);
        }

        var who = User.Identity!.Name!;
        var now = _clock.GetUtcNow().UtcDateTime;
        try
        {
            if (screening is null)
            {
                screening = Screening.Start(application, who, now);
                _db.Screenings.Add(screening);
            }
            else if (input.Version is { } version)
            {
                _db.Entry(screening).Property(s => s.Version).OriginalValue = version;
            }
        }
        catch (DomainException ex)
        {
            ModelState.AddModelError(string.Empty, ex.Message);
            return await Redisplay(id, input, cancellationToken);
        }

        var confirmed = new List<string>();
        for (var i = 0; i < input.Gates.Count; i++)
        {
            var gateInput = input.Gates[i];
            if (string.IsNullOrEmpty(gateInput.Result))
            {
                continue;
            }

            var gate = Enum.Parse<EligibilityGate>(gateInput.Gate!);
            var passed = gateInput.Result == GateInput.Pass;
            var before = screening.ResultOf(gate);
            try
            {
                screening.ConfirmGate(gate, passed, gateInput.Comment ?? string.Empty, who, now);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError($"Gates[{i}].Comment", ex is RulesViolatedException r ? string.Join(" ", r.Violations.Select(v => v.Message)) : ex.Message);
                continue;
            }

            if (!ReferenceEquals(before, screening.ResultOf(gate)))
            {
                confirmed.Add($"{Screening.Describe(gate)}: {(passed ? "pass" : "fail")}");
            }
        }

        if (!ModelState.IsValid)
        {
            _db.ChangeTracker.Clear();
            return await Redisplay(id, input, cancellationToken);
        }

        if (confirmed.Count > 0)
        {
            _audit.Record(AuditActions.ScreeningGatesConfirmed, $"Screening of {Label(application)}: {string.Join("; ", confirmed)}", nameof(GrantApplication), application.Id.ToString());
        }

        if (input.Outcome is { } outcome)
        {
            try
            {
                _db.Entry(application).Property(a => a.Version).OriginalValue = input.ApplicationVersion;
                screening.Decide(application, outcome, input.Reason, who, now);
            }
            catch (RulesViolatedException ex)
            {
                foreach (var violation in ex.Violations)
                {
                    ModelState.AddModelError(FieldOf(input, violation.Field), violation.Message);
                }

                _db.ChangeTracker.Clear();
                return await Redisplay(id, input, cancellationToken);
            }
            catch (DomainException ex)
            {
                ModelState.AddModelError(string.Empty, ex.Message);
                _db.ChangeTracker.Clear();
                return await Redisplay(id, input, cancellationToken);
            }

            await NotifyAsync(application, outcome, cancellationToken);
        }

        try
        {
            await _db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            _db.ChangeTracker.Clear();
            var last = await OrganisationMembers.LastChangeAsync(_db, nameof(Screening), screening.Id, cancellationToken)
                ?? await OrganisationMembers.LastChangeAsync(_db, nameof(GrantApplication), id, cancellationToken);
            ModelState.AddModelError(string.Empty, last is { } change
                ? _text["{0} changed this screening or application at {1} UTC, after you opened this page. Your choices are shown below but not saved: check them and save again.", change.Who, change.WhenUtc.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                : _text["Someone else changed this screening or application after you opened this page. Your choices are shown below but not saved: check them and save again."]);
            var fresh = await PageAsync(id, input, cancellationToken);
            input.Version = fresh!.Screening?.Version;
            input.ApplicationVersion = fresh.Application.Version;
            return View("Index", fresh);
        }

        TempData["Notice"] = input.Outcome switch
        {
            ScreeningOutcome.Eligible => _text["The application is recorded as eligible. The organisation has been told by email."].Value,
            ScreeningOutcome.Ineligible => _text["The application is recorded as ineligible. The organisation has been told by email."].Value,
            _ => _text["The checklist has been saved."].Value,
        };
        return Redirect($"/Manage/Applications/{id}/Screening");
    }

    private static string Label(GrantApplication application) => application.Reference ?? application.Title;

    private static string FieldOf(ScreeningInput input, string field)
    {
        if (field == "Reason")
        {
            return nameof(ScreeningInput.Reason);
        }

        var index = input.Gates.FindIndex(g => g.Gate == field);
        return index >= 0 ? $"Gates[{index}].Result" : string.Empty;
    }

    private async Task NotifyAsync(GrantApplication application, ScreeningOutcome outcome, CancellationToken cancellationToken)
    {
        var label = Label(application);
        if (outcome == ScreeningOutcome.Eligible)
        {
            _audit.Record(AuditActions.ScreenedEligible, $"{label} screened eligible", nameof(GrantApplication), application.Id.ToString());
            await OrganisationMembers.EmailAllAsync(
                _db,
                _outbox,
                application.OrganisationId,
                _text["Application {0} is eligible", label],
                _text["Hello,\n\nYour application {0} ({1}) has passed the eligibility screening. It now goes to technical assessment; we will write again when the Board has decided.\n\nTrustFund", label, application.Title],
                cancellationToken);
        }
        else
        {
            _audit.Record(AuditActions.ScreenedIneligible, $"{label} screened ineligible: {application.IneligibilityReason}", nameof(GrantApplication), application.Id.ToString());
            await OrganisationMembers.EmailAllAsync(
                _db,
                _outbox,
                application.OrganisationId,
                _text["Application {0} is not eligible", label],
                _text["Hello,\n\nYour application {0} ({1}) did not pass the eligibility screening.\n\nReason: {2}\n\nTrustFund", label, application.Title, application.IneligibilityReason!],
                cancellationToken);
        }
    }

    private async Task<IActionResult> Redisplay(Guid id, ScreeningInput input, CancellationToken cancellationToken)
    {
        var page = await PageAsync(id, input, cancellationToken);
        return page is null ? NotFound() : View("Index", page);
    }

    private async Task<ScreeningPageModel?> PageAsync(Guid id, ScreeningInput? input, CancellationToken cancellationToken)
    {
        var application = await _db.Applications.AsNoTracking().Include(a => a.Versions)
            .SingleOrDefaultAsync(a => a.Id == id && a.SubmittedAtUtc != null, cancellationToken);
        if (application is null)
        {
            return null;
        }

        var call = await _db.Calls.AsNoTracking().SingleAsync(c => c.Id == application.CallId, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, cancellationToken);
        var screening = await _db.Screenings.AsNoTracking().SingleOrDefaultAsync(s => s.ApplicationId == id, cancellationToken);
        var documents = (await _db.Attachments.AsNoTracking()
                .Where(a => a.OrganisationId == application.OrganisationId && (a.ApplicationId == id || a.ApplicationId == null))
                .Select(a => a.DocumentType)
                .ToListAsync(cancellationToken))
            .GroupBy(t => t)
            .ToDictionary(g => g.Key, g => g.Count());
        var evaluations = new GateEvaluator(_text).Evaluate(application, call, organisation, documents);
        input ??= new ScreeningInput
        {
            Version = screening?.Version,
            ApplicationVersion = application.Version,
            Gates = evaluations.Select(e => screening?.ResultOf(e.Gate) is { } r
                ? new GateInput { Gate = e.Gate.ToString(), Result = r.Passed ? GateInput.Pass : GateInput.Fail, Comment = r.Comment }
                : new GateInput { Gate = e.Gate.ToString(), Comment = e.Evidence }).ToList(),
            Reason = screening?.OutcomeReason,
        };
        return new ScreeningPageModel(application, call, organisation, screening, evaluations, input);
    }
}
