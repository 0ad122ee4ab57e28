using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Domain.Organisations;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Organisations;

/// <summary>An applicant's own organisation: its profile and bank account (documents and members have their own controllers).</summary>
[Route("Organisation")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class OrganisationsController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public OrganisationsController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public IActionResult Index() => Redirect("/Organisation/Profile");

    [HttpGet("Profile")]
    public async Task<IActionResult> Profile(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowOwnOrganisation(), cancellationToken);
        return outcome.Succeeded ? ProfileView(outcome.Value, ProfileInput.From(outcome.Value)) : NotFound();
    }

    [HttpPost("Profile")]
    public async Task<IActionResult> Profile(ProfileInput input, CancellationToken cancellationToken)
    {
        var current = await _useCases.RunAsync(new ShowOwnOrganisation(), cancellationToken);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return ProfileView(current.Value, input);
        }

        var outcome = await _useCases.RunAsync(new UpdateProfile(input.Version, input.LegalName!, input.CountryOfRegistration!, input.ToProfile()), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = _text["Your organisation's profile has been saved."].Value;
                return Redirect("/Organisation/Profile");
            case OutcomeKind.Stale:
                return await StaleAsync(outcome.Stale!, input, fresh => ProfileView(fresh, input), cancellationToken);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text, input.FieldFor);
                return ProfileView(current.Value, input);
            default:
                return NotFound();
        }
    }

    [HttpGet("Bank")]
    public async Task<IActionResult> Bank(CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ShowBankDetails(), cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }

        var bank = outcome.Value.Bank;
        return BankView(outcome.Value, new BankInput
        {
            Version = outcome.Value.Organisation.Version,
            BankName = bank?.BankName,
            SwiftBic = bank?.SwiftBic,
            AccountNumber = bank?.AccountNumber,
            AccountHolder = bank?.AccountHolder,
        });
    }

    [HttpPost("Bank")]
    public async Task<IActionResult> Bank(BankInput input, CancellationToken cancellationToken)
    {
        var current = await _useCases.RunAsync(new ShowBankDetails(), cancellationToken);
        if (!current.Succeeded)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return BankView(current.Value, input);
        }

        var outcome = await _useCases.RunAsync(new UpdateBankDetails(input.Version, input.BankName!, input.SwiftBic, input.AccountNumber!, input.AccountHolder!), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == BankDetailsSaved.Unchanged
                    ? _text["Nothing changed: your bank details are as before."].Value
                    : _text["Your bank details have been saved. The Secretariat will verify them again before any payment."].Value;
                return Redirect("/Organisation/Bank");
            case OutcomeKind.Stale:
                return await StaleAsync(outcome.Stale!, input, fresh => BankView(new BankDetailsPage(fresh, fresh.Bank, fresh.BankDetailsUnreadable), input), cancellationToken);
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return BankView(current.Value, input);
            default:
                return NotFound();
        }
    }

    private ViewResult ProfileView(Organisation organisation, ProfileInput input)
    {
        ViewData["Organisation"] = organisation;
        return View("Profile", input);
    }

    private ViewResult BankView(BankDetailsPage page, BankInput input)
    {
        ViewData["Organisation"] = page.Organisation;
        return View("Bank", input);
    }

    /// <summary>A stale edit: says who changed the organisation and when, keeps the input and carries the current version.</summary>
    private async Task<IActionResult> StaleAsync(StaleEdit stale, IVersionedInput input, Func<Organisation, ViewResult> view, CancellationToken cancellationToken)
    {
        ModelState.AddModelError(string.Empty, stale is { ChangedBy: { } who, ChangedAtUtc: { } when }
            ? _text["{0} changed your organisation's details at {1} UTC, after you opened this page. Your changes are shown below but not saved: check them and save again.", who, when.ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture)]
            : _text["Someone else changed your organisation's details after you opened this page. Your changes are shown below but not saved: check them and save again."]);
        var fresh = await _useCases.RunAsync(new ShowOwnOrganisation(), cancellationToken);
        if (!fresh.Succeeded)
        {
            return NotFound();
        }

        ModelState.Remove(nameof(IVersionedInput.Version));
        input.Version = fresh.Value.Version;
        return view(fresh.Value);
    }
}
