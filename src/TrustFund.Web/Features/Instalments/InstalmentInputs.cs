using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Payments;

namespace TrustFund.Web.Features.Instalments;

/// <summary>A fund manager's release request: per condition, a manual one confirmed as met, or the justification for going ahead without it.</summary>
public sealed class ReleaseInput
{
    public List<ConditionAnswer> Conditions { get; set; } = [];

    public sealed class Validator : AbstractValidator<ReleaseInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Conditions).Must(c => c.Count <= 50).WithMessage(_ => text.GetString("Answer the conditions shown on the page."));
            RuleForEach(x => x.Conditions).ChildRules(c => c.RuleFor(a => a.Justification).MaximumLength(Grant.TextMaxLength)
                .WithMessage(_ => text.GetString("Write each justification in at most {0} characters.", Grant.TextMaxLength)));
        }
    }
}

/// <summary>The answer about one condition, named by its position in the instalment's list.</summary>
public sealed class ConditionAnswer
{
    public int Index { get; set; }

    public bool Confirmed { get; set; }

    public string? Justification { get; set; }
}

/// <summary>The payment of an approved instalment, as the bank made it.</summary>
public sealed class PaymentInput
{
    [Display(Name = "Amount paid (USD)")]
    public string? PaymentAmount { get; set; }

    [Display(Name = "Date paid")]
    public string? PaidOn { get; set; }

    [Display(Name = "Payment reference")]
    public string? PaymentReference { get; set; }

    public sealed class Validator : AbstractValidator<PaymentInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            MoneyFields.AmountRule(this, x => x.PaymentAmount, text.GetString("amount paid"), text);
            MoneyFields.DateRule(this, x => x.PaidOn, text);
        }
    }
}

/// <summary>Why an instalment is put on hold or cancelled.</summary>
public sealed class HoldInput
{
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<HoldInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Reason).MaximumLength(Grant.TextMaxLength).WithMessage(_ => text.GetString("Write at most {0} characters.", Grant.TextMaxLength));
        }
    }
}
