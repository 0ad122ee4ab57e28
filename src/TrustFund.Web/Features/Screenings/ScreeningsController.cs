using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Screenings;
using TrustFund.Domain.Applications;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Screenings;

/// <summary>Eligibility screening of a submitted application's latest version by a fund manager.</summary>
[Route("Manage/Applications/{id:guid}/Screening")]
[Authorize(Policy = Capabilities.ManageFund)]
public sealed class ScreeningsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<ScreeningsController> _text;

    public ScreeningsController(IUseCases useCases, IStringLocalizer<ScreeningsController> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(Guid id, CancellationToken cancellationToken) =>
        await PageAsync(id, null, cancellationToken);

    [HttpPost("")]
    public async Task<IActionResult> Index(Guid id, ScreeningInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(id, input, cancellationToken);
        }

        var gates = input.Gates
            .Where(g => !string.IsNullOrEmpty(g.Result))
            .Select(g => new GateConfirmation(Enum.Parse<EligibilityGate>(g.Gate!), g.Result == GateInput.Pass, Bidi.WithoutIsolates(g.Comment)))
            .ToList();
        var outcome = await _useCases.RunAsync(new RecordScreening(id, input.Version, input.ApplicationVersion, gates, input.Outcome, input.Reason), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value switch
                {
                    ScreeningRecorded.AlreadyRecorded => _text["The outcome was already recorded."].Value,
                    ScreeningRecorded.RecordedEligible => _text["The application is recorded as eligible. The organisation has been told by email."].Value,
                    ScreeningRecorded.RecordedIneligible => _text["The application is recorded as ineligible. The organisation has been told by email."].Value,
                    _ => _text["The checklist has been saved."].Value,
                };
                return Redirect($"/Manage/Applications/{id}/Screening");
            case OutcomeKind.Stale:
                ModelState.AddModelError(string.Empty, outcome.Stale is { ChangedBy: { } who, ChangedAtUtc: { } when }
                    ? _text["{0} changed this screening or application at {1} UTC, after you opened this page. Your choices are shown below but not saved: check them and save again.", who, when.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
                    : _text["Someone else changed this screening or application after you opened this page. Your choices are shown below but not saved: check them and save again."]);
                return await PageAsync(id, input, cancellationToken, fresh: true);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text, field => FieldOf(input, field));
                return await PageAsync(id, input, cancellationToken);
            default:
                return NotFound();
        }
    }

    // A problem names a gate (its result), a gate's comment ("Gate.Comment") or the reason.
    private static string FieldOf(ScreeningInput input, string field)
    {
        if (field == nameof(RecordScreening.Reason))
        {
            return nameof(ScreeningInput.Reason);
        }

        var comment = field.EndsWith(".Comment", StringComparison.Ordinal);
        var gate = comment ? field[..^".Comment".Length] : field;
        var index = input.Gates.FindIndex(g => g.Gate == gate);
        return index < 0 ? string.Empty : comment ? $"Gates[{index}].Comment" : $"Gates[{index}].Result";
    }

    /// <summary>
    /// The page, with the person's input when given. <paramref name="fresh"/>: the records changed
    /// meanwhile, so the form takes their current versions (saving again is a deliberate choice).
    /// </summary>
    private async Task<IActionResult> PageAsync(Guid id, ScreeningInput? input, CancellationToken cancellationToken, bool fresh = false)
    {
        var outcome = await _useCases.RunAsync(new ShowScreening(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var view = outcome.Value;
        var evaluations = new GateEvaluator(_text).Evaluate(view.Application, view.Terms, view.Organisation, view.Documents);
        var screening = view.Current;
        if (fresh && input is not null)
        {
            ModelState.Remove(nameof(ScreeningInput.Version));
            ModelState.Remove(nameof(ScreeningInput.ApplicationVersion));
            input.Version = screening?.Version;
            input.ApplicationVersion = view.Application.Version;
        }

        // Only this version's screening fills the form: an earlier version's results are shown beside it, never pre-filled.
        input ??= new ScreeningInput
        {
            Version = screening?.Version,
            ApplicationVersion = view.Application.Version,
            Gates = [.. evaluations.Select(e => screening?.ResultOf(e.Gate) is { } r
                ? new GateInput { Gate = e.Gate.ToString(), Result = r.Passed ? GateInput.Pass : GateInput.Fail, Comment = r.Comment }
                : new GateInput { Gate = e.Gate.ToString(), Comment = e.Evidence })],
            Reason = screening?.OutcomeReason,
        };
        return View("Index", ScreeningPageModel.From(view, evaluations, input));
    }
}
