using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Application.Users;
using TrustFund.Web.Features.Shared;

namespace TrustFund.Web.Features.Users;

/// <summary>
/// Administrators' user management: the list, invitations of Secretariat staff, roles, deactivation.
/// Every change renews the user's security stamp, which ends their open sessions at once.
/// </summary>
[Route("Admin/Users")]
[Authorize(Policy = Capabilities.ManageUsers)]
public sealed class UsersController : Controller
{
    private readonly IUseCases _useCases;
    private readonly IStringLocalizer<SharedResource> _text;

    public UsersController(IUseCases useCases, IStringLocalizer<SharedResource> text)
    {
        _useCases = useCases;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, int page = 1, CancellationToken cancellationToken = default) =>
        View((await _useCases.RunAsync(new ListUsers(q, role, page), cancellationToken)).Value);

    [HttpGet("Invite")]
    public IActionResult Invite() => View(new InviteUserInput());

    [HttpPost("Invite")]
    public async Task<IActionResult> Invite(InviteUserInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var outcome = await _useCases.RunAsync(new InviteUser(input.Name!, input.Email!, input.Roles, input.Culture), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddOutcome(outcome, _text);
            return View(input);
        }

        TempData["Notice"] = _text["Invitation sent to {0}. The link in it works for 24 hours.", input.Email!.Trim()].Value;
        return Redirect($"/Admin/Users/{outcome.Value:D}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken cancellationToken) =>
        await DetailAsync(id, null, cancellationToken);

    [HttpPost("{id:guid}/Roles")]
    public async Task<IActionResult> SetRoles(Guid id, UserRolesInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await DetailAsync(id, null, cancellationToken);
        }

        var outcome = await _useCases.RunAsync(new ChangeUserRoles(id, input.Roles), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(id, outcome, null, cancellationToken);
        }

        TempData["Notice"] = outcome.Value.Changed
            ? _text["Roles of {0} changed. Their open sessions have ended; they sign in again to use the new roles.", outcome.Value.Name].Value
            : _text["The roles were not changed."].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, DeactivateUserInput input, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new DeactivateUser(id, input.Reason ?? string.Empty), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(id, outcome, input.Reason, cancellationToken);
        }

        TempData["Notice"] = _text["{0} is deactivated. Their open sessions have ended.", outcome.Value].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Reactivate")]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ReactivateUser(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(id, outcome, null, cancellationToken);
        }

        TempData["Notice"] = _text["{0} is active again and can sign in.", outcome.Value].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Invitation")]
    public async Task<IActionResult> ResendInvitation(Guid id, CancellationToken cancellationToken)
    {
        var outcome = await _useCases.RunAsync(new ResendInvitation(id), cancellationToken);
        if (!outcome.Succeeded)
        {
            return await RefusedAsync(id, outcome, null, cancellationToken);
        }

        TempData["Notice"] = _text["A new invitation was sent to {0}. The link in it works for 24 hours.", outcome.Value].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    /// <summary>The user's page again with why the change was refused; a user that does not exist is not found.</summary>
    private async Task<IActionResult> RefusedAsync<T>(Guid id, Outcome<T> outcome, string? reason, CancellationToken cancellationToken)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        ModelState.AddOutcome(outcome, _text);
        return await DetailAsync(id, reason, cancellationToken);
    }

    private async Task<IActionResult> DetailAsync(Guid id, string? reason, CancellationToken cancellationToken)
    {
        var user = await _useCases.RunAsync(new ShowUser(id), cancellationToken);
        return user.Succeeded ? View(nameof(Detail), new UserDetailModel(user.Value, reason)) : NotFound();
    }
}
