using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Features.Payments;

/// <summary>
/// A refund received from the grantee. <see cref="SeenEntries"/> is the number of ledger entries the
/// page showed. Field names differ from the other ledger forms so that each error lands on its form.
/// </summary>
public sealed class RefundInput
{
    public int? SeenEntries { get; set; }

    [Display(Name = "Amount refunded (USD)")]
    public string? RefundAmount { get; set; }

    [Display(Name = "Date received")]
    public string? RefundDate { get; set; }

    [Display(Name = "Reference")]
    public string? RefundReference { get; set; }

    [Display(Name = "Note (optional)")]
    public string? RefundNote { get; set; }

    public sealed class Validator : AbstractValidator<RefundInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            MoneyFields.AmountRule(this, x => x.RefundAmount, text.GetString("amount refunded"), text);
            MoneyFields.DateRule(this, x => x.RefundDate, text);
        }
    }
}

/// <summary>A correction of a payment or a refund, by a signed amount (see <see cref="RefundInput"/> for the names).</summary>
public sealed class CorrectionInput
{
    public int? SeenEntries { get; set; }

    [Display(Name = "Entry corrected")]
    public Guid? CorrectedEntry { get; set; }

    [Display(Name = "Correction (USD; negative when less reached the organisation)")]
    public string? CorrectionAmount { get; set; }

    [Display(Name = "Date")]
    public string? CorrectionDate { get; set; }

    [Display(Name = "Reference (optional)")]
    public string? CorrectionReference { get; set; }

    [Display(Name = "Reason")]
    public string? CorrectionReason { get; set; }

    public sealed class Validator : AbstractValidator<CorrectionInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            MoneyFields.AmountRule(this, x => x.CorrectionAmount, text.GetString("correction"), text, allowNegative: true);
            MoneyFields.DateRule(this, x => x.CorrectionDate, text);
        }
    }
}

/// <summary>A write-off of unspent money the fund will not recover (see <see cref="RefundInput"/> for the names).</summary>
public sealed class WriteOffInput
{
    public int? SeenEntries { get; set; }

    [Display(Name = "Amount written off (USD)")]
    public string? WriteOffAmount { get; set; }

    [Display(Name = "Date of the decision")]
    public string? WriteOffDate { get; set; }

    [Display(Name = "Reason")]
    public string? WriteOffReason { get; set; }

    public sealed class Validator : AbstractValidator<WriteOffInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            MoneyFields.AmountRule(this, x => x.WriteOffAmount, text.GetString("amount written off"), text);
            MoneyFields.DateRule(this, x => x.WriteOffDate, text);
        }
    }
}
