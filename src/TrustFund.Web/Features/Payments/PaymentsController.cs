using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Payments;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Payments;

/// <summary>
/// A grant's payments: the schedule, the ledger and the balance (the Secretariat, and the grantee's
/// own members), and the finance officer's refunds, corrections and write-offs, each a new entry.
/// </summary>
[Route("Grants/{grantId:guid}/Payments")]
[Authorize(Policy = Capabilities.FollowPayments)]
public sealed class PaymentsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public PaymentsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public Task<IActionResult> Index(Guid grantId, CancellationToken cancellationToken) => PageAsync(grantId, cancellationToken);

    [HttpPost("Refund")]
    [Authorize(Policy = Capabilities.ManagePayments)]
    public async Task<IActionResult> Refund(Guid grantId, RefundInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, cancellationToken, refund: input);
        }

        var outcome = await _useCases.RunAsync(
            new RecordRefund(grantId, input.SeenEntries, MoneyFields.Amount(input.RefundAmount), MoneyFields.Date(input.RefundDate), input.RefundReference, input.RefundNote),
            cancellationToken);
        return await AfterAsync(grantId, outcome, field => field switch
        {
            nameof(RecordRefund.Amount) => nameof(RefundInput.RefundAmount),
            nameof(RecordRefund.ReceivedOn) or "Date" => nameof(RefundInput.RefundDate),
            nameof(RecordRefund.Reference) => nameof(RefundInput.RefundReference),
            nameof(RecordRefund.Note) => nameof(RefundInput.RefundNote),
            _ => string.Empty,
        }, cancellationToken, refund: input);
    }

    [HttpPost("Correction")]
    [Authorize(Policy = Capabilities.ManagePayments)]
    public async Task<IActionResult> Correction(Guid grantId, CorrectionInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, cancellationToken, correction: input);
        }

        var outcome = await _useCases.RunAsync(
            new RecordCorrection(grantId, input.SeenEntries, input.CorrectedEntry, MoneyFields.SignedAmount(input.CorrectionAmount), MoneyFields.Date(input.CorrectionDate), input.CorrectionReference, input.CorrectionReason),
            cancellationToken);
        return await AfterAsync(grantId, outcome, field => field switch
        {
            nameof(RecordCorrection.CorrectedEntryId) => nameof(CorrectionInput.CorrectedEntry),
            nameof(RecordCorrection.SignedAmount) or "Amount" => nameof(CorrectionInput.CorrectionAmount),
            nameof(RecordCorrection.ValueDate) or "Date" => nameof(CorrectionInput.CorrectionDate),
            nameof(RecordCorrection.Reference) => nameof(CorrectionInput.CorrectionReference),
            nameof(RecordCorrection.Reason) or "Note" => nameof(CorrectionInput.CorrectionReason),
            _ => string.Empty,
        }, cancellationToken, correction: input);
    }

    [HttpPost("WriteOff")]
    [Authorize(Policy = Capabilities.ManagePayments)]
    public async Task<IActionResult> WriteOff(Guid grantId, WriteOffInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(grantId, cancellationToken, writeOff: input);
        }

        var outcome = await _useCases.RunAsync(
            new RecordWriteOff(grantId, input.SeenEntries, MoneyFields.Amount(input.WriteOffAmount), MoneyFields.Date(input.WriteOffDate), input.WriteOffReason),
            cancellationToken);
        return await AfterAsync(grantId, outcome, field => field switch
        {
            nameof(RecordWriteOff.Amount) => nameof(WriteOffInput.WriteOffAmount),
            nameof(RecordWriteOff.DecidedOn) or "Date" => nameof(WriteOffInput.WriteOffDate),
            nameof(RecordWriteOff.Reason) or "Note" => nameof(WriteOffInput.WriteOffReason),
            _ => string.Empty,
        }, cancellationToken, writeOff: input);
    }

    /// <summary>After a ledger form: a notice and the page again, or the page with why nothing was written.</summary>
    private async Task<IActionResult> AfterAsync(Guid grantId, Outcome<LedgerEntryWritten> outcome, Func<string, string> fieldOf, CancellationToken cancellationToken, RefundInput? refund = null, CorrectionInput? correction = null, WriteOffInput? writeOff = null)
    {
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value.Kind switch
                {
                    LedgerEntryKind.Refund => _text.GetString("The refund of {0} is recorded in the ledger.", outcome.Value.Amount.ToString(CultureInfo.CurrentCulture)).Value,
                    LedgerEntryKind.Correction => _text.GetString("The correction of {0} is recorded in the ledger; the entry it corrects is unchanged.", outcome.Value.Amount.ToString(CultureInfo.CurrentCulture)).Value,
                    _ => _text.GetString("The write-off of {0} is recorded in the ledger.", outcome.Value.Amount.ToString(CultureInfo.CurrentCulture)).Value,
                };
                return Redirect($"/Grants/{grantId}/Payments");
            case OutcomeKind.NotFound:
                return NotFound();
            default:
                ModelState.AddOutcome(outcome, _text, fieldOf);
                return await PageAsync(grantId, cancellationToken, refund, correction, writeOff);
        }
    }

    /// <summary>The page, with the forms as typed. Every form carries the number of ledger entries shown now.</summary>
    private async Task<IActionResult> PageAsync(Guid grantId, CancellationToken cancellationToken, RefundInput? refund = null, CorrectionInput? correction = null, WriteOffInput? writeOff = null)
    {
        var outcome = await _useCases.RunAsync(new ShowPayments(grantId), cancellationToken);
        return outcome.Succeeded
            ? View("Payments", new PaymentsPage(outcome.Value, refund ?? new RefundInput(), correction ?? new CorrectionInput(), writeOff ?? new WriteOffInput()))
            : NotFound();
    }
}
