using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Organisations;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Organisations;

/// <summary>The people who act for the organisation: invite a colleague, remove a member (never the last).</summary>
[Route("Organisation/Members")]
[Authorize(Policy = Capabilities.ActAsApplicant)]
public sealed class OrganisationMembersController : Controller
{
    private const string MembersView = "/Features/Organisations/Members.cshtml";

    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public OrganisationMembersController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Members(CancellationToken cancellationToken) =>
        await PageAsync(new InviteMemberInput(), cancellationToken);

    [HttpPost("Invite")]
    public async Task<IActionResult> Invite(InviteMemberInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await PageAsync(input, cancellationToken);
        }

        var address = $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        var outcome = await _useCases.RunAsync(new InviteMember(input.Name!, input.Email!, address, input.Culture), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = outcome.Value == Invitation.AlreadyWaiting
                    ? _text["{0} has already been invited and has not yet chosen a password.", input.Email!.Trim()].Value
                    : _text["We have emailed an invitation to {0}.", input.Email!.Trim()].Value;
                return Redirect("/Organisation/Members");
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return await PageAsync(input, cancellationToken);
            default:
                return NotFound();
        }
    }

    [HttpPost("{id:guid}/Remove")]
    public async Task<IActionResult> RemoveMember(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new RemoveMember(id), cancellationToken);
        switch (outcome.Kind)
        {
            case OutcomeKind.Done:
                TempData["Notice"] = _text["{0} has been removed and can no longer sign in.", outcome.Value].Value;
                return Redirect("/Organisation/Members");
            case OutcomeKind.Refused:
                ModelState.AddOutcome(outcome, _text);
                return await PageAsync(new InviteMemberInput(), cancellationToken);
            default:
                return NotFound();
        }
    }

    private async Task<IActionResult> PageAsync(InviteMemberInput input, CancellationToken cancellationToken)
    {
        var members = await _useCases.RunAsync(new ListMembers(), cancellationToken);
        if (!members.Succeeded)
        {
            return NotFound();
        }

        ViewData["Members"] = members.Value;
        return View(MembersView, input);
    }
}
