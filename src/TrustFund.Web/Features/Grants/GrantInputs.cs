using System.ComponentModel.DataAnnotations;
using FluentValidation;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Grants;
using TrustFund.Domain.Grants;
using TrustFund.Web.Features.Calls;

namespace TrustFund.Web.Features.Grants;

/// <summary>Who may open a grant's pages (each grant then checks its own readers: the grantee's members, fund managers, finance officers).</summary>
public static class GrantReaders
{
    public const string Roles = TrustFund.Application.Accounts.Roles.Applicant + "," + TrustFund.Application.Accounts.Roles.FundManager + "," + TrustFund.Application.Accounts.Roles.FinanceOfficer;

    /// <summary>Who may ask for an amendment (the grantee's members on their own grants, fund managers).</summary>
    public const string Amenders = TrustFund.Application.Accounts.Roles.Applicant + "," + TrustFund.Application.Accounts.Roles.FundManager;
}

/// <summary>A signature date of the grant agreement.</summary>
public sealed class SignatureInput
{
    public Guid? Version { get; set; }

    /// <summary>"Fund" or "Organisation".</summary>
    public string? Party { get; set; }

    [Display(Name = "Signed on")]
    public string? SignedOn { get; set; }

    public SigningParty? PartyValue => Enum.TryParse<SigningParty>(Party, out var party) && Enum.IsDefined(party) && !int.TryParse(Party, out _) ? party : null;

    public DateOnly? SignedOnDate => CallTimes.TryReadDate(SignedOn, out var date) ? date : null;

    public sealed class Validator : AbstractValidator<SignatureInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Party).Must(p => Enum.TryParse<SigningParty>(p, out var v) && Enum.IsDefined(v) && !int.TryParse(p, out _))
                .WithMessage(_ => text["Choose who signed: the fund or the organisation."]);
            RuleFor(x => x.SignedOn).Must(v => CallTimes.TryReadDate(v, out _)).WithMessage(_ => text["Enter the date of the signature, such as 2026-06-01."]);
        }
    }
}

/// <summary>A reason for suspending or resuming a grant.</summary>
public sealed class GrantReasonInput
{
    public Guid? Version { get; set; }

    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public sealed class Validator : AbstractValidator<GrantReasonInput>
    {
        public Validator(IStringLocalizer<SharedResource> text)
        {
            RuleFor(x => x.Reason).NotEmpty().WithMessage(_ => text["Give the reason."])
                .MaximumLength(Grant.TextMaxLength).WithMessage(_ => text.GetString("Write at most {0:N0} characters.", Grant.TextMaxLength));
        }
    }
}

/// <summary>The filters of the managers' grants list, as they come in the query string.</summary>
public sealed class GrantListFilters
{
    public string? Status { get; set; }

    public Guid? Call { get; set; }

    public string? Search { get; set; }

    public bool Overdue { get; set; }

    public int Page { get; set; } = 1;

    /// <summary>The list's request; unknown values (an edited link) are ignored, as no filter.</summary>
    public ListGrants ToRequest() => new(
        Enum.TryParse<GrantStatus>(Status, out var status) && Enum.IsDefined(status) && !int.TryParse(Status, out _) ? status : null,
        Call,
        Search is { Length: > ListGrants.SearchMaxLength } ? Search[..ListGrants.SearchMaxLength] : Search,
        Overdue,
        Page);
}
