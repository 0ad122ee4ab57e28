using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;
using TrustFund.Web.Features.Payments;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Instalments;

/// <summary>
/// One instalment: a fund manager requests its release (conditions met or overridden with a written
/// justification); a finance officer other than the requester approves it and records its payment;
/// either may put it on hold, take it off hold or cancel it.
/// </summary>
[Route("Grants/{grantId:guid}/Instalments/{instalmentId:guid}")]
[Authorize(Policy = Capabilities.HandleInstalments)]
public sealed class InstalmentsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public InstalmentsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid grantId, Guid instalmentId, CancellationToken cancellationToken) => PageAsync(grantId, instalmentId, cancellationToken);

    [HttpPost("Request")]
    [Authorize(Policy = Capabilities.ManageFund)]
    public async Task<IActionResult> Release(Guid grantId, Guid instalmentId, ReleaseInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, instalmentId, cancellationToken, release: input);
        }

        var outcome = await _useCases.RunAsync(
            new RequestRelease(
                grantId,
                instalmentId,
                [.. input.Conditions.Where(c => c.Confirmed).Select(c => c.Index)],
                [.. input.Conditions.Select(c => new ConditionJustification(c.Index, c.Justification))]),
            cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => r.AlreadyRequested
            ? _text.GetString("You had already requested the release of instalment {0}.", r.Number)
            : _text.GetString("The release of instalment {0} is requested. A finance officer other than you will approve it.", r.Number), _ => string.Empty, cancellationToken, release: input);
    }

    [HttpPost("Approve")]
    [Authorize(Policy = Capabilities.ManagePayments)]
    public async Task<IActionResult> Approve(Guid grantId, Guid instalmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ApproveRelease(grantId, instalmentId), cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => r.AlreadyApproved
            ? _text.GetString("You had already approved the release of instalment {0}.", r.Number)
            : _text.GetString("The release of instalment {0} is approved. Record its payment once the bank has sent it.", r.Number), _ => string.Empty, cancellationToken);
    }

    [HttpPost("Pay")]
    [Authorize(Policy = Capabilities.ManagePayments)]
    public async Task<IActionResult> Pay(Guid grantId, Guid instalmentId, PaymentInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, instalmentId, cancellationToken, payment: input);
        }

        var outcome = await _useCases.RunAsync(
            new RecordPayment(grantId, instalmentId, MoneyFields.Amount(input.PaymentAmount), MoneyFields.Date(input.PaidOn), input.PaymentReference),
            cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => r.AlreadyRecorded
            ? _text.GetString("This payment of instalment {0} was already recorded.", r.Number)
            : _text.GetString("The payment of {1} for instalment {0} is recorded in the ledger.", r.Number, r.Amount.ToString(CultureInfo.CurrentCulture)), field => field switch
        {
            nameof(RecordPayment.Amount) => nameof(PaymentInput.PaymentAmount),
            nameof(RecordPayment.PaidOn) or "Date" => nameof(PaymentInput.PaidOn),
            nameof(RecordPayment.Reference) => nameof(PaymentInput.PaymentReference),
            _ => string.Empty,
        }, cancellationToken, payment: input);
    }

    [HttpPost("Hold")]
    public async Task<IActionResult> Hold(Guid grantId, Guid instalmentId, HoldInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, instalmentId, cancellationToken, hold: input);
        }

        var outcome = await _useCases.RunAsync(new PutInstalmentOnHold(grantId, instalmentId, input.Reason), cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => _text.GetString("Instalment {0} is on hold. Nothing moves it until it is taken off hold.", r.Number), ReasonField, cancellationToken, hold: input);
    }

    [HttpPost("TakeOffHold")]
    public async Task<IActionResult> TakeOffHold(Guid grantId, Guid instalmentId, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new TakeInstalmentOffHold(grantId, instalmentId), cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => _text.GetString("Instalment {0} is off hold: it is {1} again.", r.Number, _text.GetString(EnumText.Words(r.Status))), _ => string.Empty, cancellationToken);
    }

    [HttpPost("Cancel")]
    public async Task<IActionResult> Cancel(Guid grantId, Guid instalmentId, HoldInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, instalmentId, cancellationToken, hold: input);
        }

        var outcome = await _useCases.RunAsync(new CancelInstalment(grantId, instalmentId, input.Reason), cancellationToken);
        return await AfterAsync(grantId, instalmentId, outcome, r => r.AlreadyDone
            ? _text.GetString("Instalment {0} was already cancelled.", r.Number)
            : _text.GetString("Instalment {0} is cancelled: it will not be paid.", r.Number), ReasonField, cancellationToken, hold: input);
    }

    private static string ReasonField(string field) => field is nameof(HoldInput.Reason) ? field : string.Empty;

    /// <summary>After an action: its notice and the page again, or the page with why nothing changed.</summary>
    private async Task<IActionResult> AfterAsync<T>(Guid grantId, Guid instalmentId, Outcome<T> outcome, Func<T, string> notice, Func<string, string> fieldOf, CancellationToken cancellationToken, ReleaseInput? release = null, PaymentInput? payment = null, HoldInput? hold = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = notice(outcome.Value!);
                return Redirect($"/Grants/{grantId}/Instalments/{instalmentId}");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, fieldOf);
                return await PageAsync(grantId, instalmentId, cancellationToken, release, payment, hold);
        }
    }

    private async Task<IActionResult> PageAsync(Guid grantId, Guid instalmentId, CancellationToken cancellationToken, ReleaseInput? release = null, PaymentInput? payment = null, HoldInput? hold = null)
    {
        var outcome = await _useCases.RunAsync(new ShowInstalment(grantId, instalmentId), cancellationToken);
        return outcome.Succeeded
            ? View("Instalment", new InstalmentPage(outcome.Value, release ?? new ReleaseInput(), payment ?? new PaymentInput { PaymentAmount = NumberText.ForInput(outcome.Value.Instalment.Amount.Amount) }, hold ?? new HoldInput()))
            : NotFound();
    }
}
