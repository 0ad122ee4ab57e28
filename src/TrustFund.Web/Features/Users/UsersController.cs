using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TrustFund.Application.Accounts;
using TrustFund.Application.Audit;
using TrustFund.Application.Email;
using TrustFund.Infrastructure.Identity;
using TrustFund.Infrastructure.Persistence;
using TrustFund.Web.Features.Account;

namespace TrustFund.Web.Features.Users;

/// <summary>
/// Administrators' user management: the list, invitations of Secretariat staff, roles, deactivation.
/// Every change renews the user's security stamp, which ends their open sessions at once.
/// </summary>
[Route("Admin/Users")]
[Authorize(Policy = Capabilities.ManageUsers)]
public sealed class UsersController : Controller
{
    private const int PageSize = 50;
    private readonly TrustFundDbContext _db;
    private readonly UserManager<TrustFundUser> _users;
    private readonly IAuditTrail _audit;
    private readonly IEmailOutbox _outbox;
    private readonly AccountEmails _emails;
    private readonly AccountLinks _links;
    private readonly TimeProvider _clock;
    private readonly IStringLocalizer<UsersController> _text;

    public UsersController(
        TrustFundDbContext db,
        UserManager<TrustFundUser> users,
        IAuditTrail audit,
        IEmailOutbox outbox,
        AccountEmails emails,
        AccountLinks links,
        TimeProvider clock,
        IStringLocalizer<UsersController> text)
    {
        _db = db;
        _users = users;
        _audit = audit;
        _outbox = outbox;
        _emails = emails;
        _links = links;
        _clock = clock;
        _text = text;
    }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, string? role, int page = 1, CancellationToken cancellationToken = default)
    {
        var users = await (
            from u in _db.Users.AsNoTracking()
            join o in _db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into organisations
            from o in organisations.DefaultIfEmpty()
            select new
            {
                u.Id,
                u.DisplayName,
                Email = u.Email ?? string.Empty,
                Organisation = o == null ? null : o.LegalName,
                u.IsActive,
                u.EmailConfirmed,
                HasPassword = u.PasswordHash != null,
                u.LastSignInAtUtc,
            }).ToListAsync(cancellationToken);
        var roles = await RolesByUserAsync(null, cancellationToken);

        // Filtered here rather than in SQL: names come in every script and "lucia" should find
        // "Lucía", which no engine's LIKE does the same way. The list is the fund's users (thousands at most).
        var query = q?.Trim();
        var roleFilter = Roles.All.FirstOrDefault(r => r == role);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        bool Matches(string? value) =>
            value is not null && compare.IndexOf(value, query!, CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth) >= 0;
        var sortByName = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var rows = users
            .Select(u => new UserRow(
                u.Id,
                u.DisplayName,
                u.Email,
                u.Organisation,
                roles.TryGetValue(u.Id, out var held) ? held : [],
                State(u.IsActive, u.EmailConfirmed, u.HasPassword),
                u.LastSignInAtUtc))
            .Where(r => roleFilter is null || r.Roles.Contains(roleFilter))
            .Where(r => string.IsNullOrEmpty(query) || Matches(r.Name) || Matches(r.Email) || Matches(r.Organisation))
            .OrderBy(r => r.Name, sortByName)
            .ThenBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();

        var pageCount = Math.Max(1, (rows.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        return View(new UserListModel(query, roleFilter, rows.Skip((page - 1) * PageSize).Take(PageSize).ToList(), rows.Count, page, pageCount));
    }

    [HttpGet("Invite")]
    public IActionResult Invite() => View(new InviteUserInput());

    [HttpPost("Invite")]
    public async Task<IActionResult> Invite(InviteUserInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var email = input.Email!.Trim();
        if (await _users.FindByEmailAsync(email) is { } existing)
        {
            ModelState.AddModelError(nameof(InviteUserInput.Email), _text["There is already an account with this email address: {0}.", existing.DisplayName]);
            return View(input);
        }

        var roles = Ordered(input.Roles);
        var user = new TrustFundUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.Name!.Trim(),
            CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
        };
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var created = await _users.CreateAsync(user);
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            _db.ChangeTracker.Clear();
            var duplicate = created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName));
            ModelState.AddModelError(nameof(InviteUserInput.Email), duplicate
                ? _text["There is already an account with this email address."]
                : _text["Enter an email address in the correct format, like name@example.org."]);
            return View(input);
        }

        EnsureSucceeded(await _users.AddToRolesAsync(user, roles));
        await SendInvitationAsync(user, roles);
        _audit.Record(AuditActions.UserInvited, $"{email} invited as {Describe(roles)}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["Invitation sent to {0}. The link in it works for 24 hours.", email].Value;
        return Redirect($"/Admin/Users/{user.Id:D}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Detail(Guid id, CancellationToken cancellationToken)
    {
        var model = await DetailAsync(id, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:guid}/Roles")]
    public async Task<IActionResult> SetRoles(Guid id, UserRolesInput input, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var current = Ordered(await _users.GetRolesAsync(user));
        var wanted = Ordered(input.Roles);
        if (ModelState.IsValid && wanted.Except(AssignableRoles(user)).Any())
        {
            ModelState.AddModelError(nameof(UserRolesInput.Roles), user.OrganisationId is null
                ? _text["Secretariat staff can hold only Secretariat roles. Applicants register themselves through their organisation."]
                : _text["Staff of an applicant organisation can hold only the Applicant role."]);
        }

        if (ModelState.IsValid && IsSelf(user) && current.Contains(Roles.Administrator) && !wanted.Contains(Roles.Administrator))
        {
            ModelState.AddModelError(nameof(UserRolesInput.Roles), _text["You cannot remove your own Administrator role. Ask another administrator to do it."]);
        }

        if (!ModelState.IsValid)
        {
            return await DetailWithErrorsAsync(id, cancellationToken);
        }

        if (current.SequenceEqual(wanted))
        {
            TempData["Notice"] = _text["The roles were not changed."].Value;
            return Redirect($"/Admin/Users/{id:D}");
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        if (removed.Count > 0)
        {
            EnsureSucceeded(await _users.RemoveFromRolesAsync(user, removed));
        }

        if (added.Count > 0)
        {
            EnsureSucceeded(await _users.AddToRolesAsync(user, added));
        }

        EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(AuditActions.RolesChanged, $"Roles of {user.Email} changed: {Describe(current)} -> {Describe(wanted)}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["Roles of {0} changed. Their open sessions have ended; they sign in again to use the new roles.", user.DisplayName].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Deactivate")]
    public async Task<IActionResult> Deactivate(Guid id, DeactivateUserInput input, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (IsSelf(user))
        {
            ModelState.AddModelError(string.Empty, _text["You cannot deactivate your own account. Ask another administrator to do it."]);
        }
        else if (!user.IsActive)
        {
            ModelState.AddModelError(string.Empty, _text["This account is already deactivated."]);
        }

        if (!ModelState.IsValid)
        {
            return await DetailWithErrorsAsync(id, cancellationToken, input.Reason);
        }

        var reason = input.Reason!.Trim();
        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        user.IsActive = false;
        EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(AuditActions.UserDeactivated, $"{user.Email} deactivated. Reason: {reason}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["{0} is deactivated. Their open sessions have ended.", user.DisplayName].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Reactivate")]
    public async Task<IActionResult> Reactivate(Guid id, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (user.IsActive)
        {
            ModelState.AddModelError(string.Empty, _text["This account is already active."]);
            return await DetailWithErrorsAsync(id, cancellationToken);
        }

        await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken);
        user.IsActive = true;
        EnsureSucceeded(await _users.UpdateSecurityStampAsync(user));
        _audit.Record(AuditActions.UserReactivated, $"{user.Email} reactivated", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        TempData["Notice"] = _text["{0} is active again and can sign in.", user.DisplayName].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    [HttpPost("{id:guid}/Invitation")]
    public async Task<IActionResult> ResendInvitation(Guid id, CancellationToken cancellationToken)
    {
        var user = await _users.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        if (State(user.IsActive, user.EmailConfirmed, await _users.HasPasswordAsync(user)) != AccountState.InvitationPending)
        {
            ModelState.AddModelError(string.Empty, _text["Only an active account whose invitation has not been accepted can be sent a new invitation."]);
            return await DetailWithErrorsAsync(id, cancellationToken);
        }

        var roles = Ordered(await _users.GetRolesAsync(user));
        await SendInvitationAsync(user, roles);
        _audit.Record(AuditActions.UserInvited, $"New invitation sent to {user.Email} as {Describe(roles)}", "User", user.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);

        TempData["Notice"] = _text["A new invitation was sent to {0}. The link in it works for 24 hours.", user.Email ?? string.Empty].Value;
        return Redirect($"/Admin/Users/{id:D}");
    }

    private static AccountState State(bool isActive, bool emailConfirmed, bool hasPassword) =>
        !isActive ? AccountState.Deactivated
        : !hasPassword && !emailConfirmed ? AccountState.InvitationPending
        : !emailConfirmed ? AccountState.EmailNotConfirmed
        : AccountState.Active;

    private static List<string> Ordered(IEnumerable<string> roles) =>
        Roles.All.Where(r => roles.Contains(r, StringComparer.Ordinal)).ToList();

    private static string Describe(List<string> roles) =>
        roles.Count == 0 ? "(no role)" : string.Join(", ", roles);

    private static IReadOnlyList<string> AssignableRoles(TrustFundUser user) =>
        user.OrganisationId is null ? Roles.Staff : [Roles.Applicant];

    private static void EnsureSucceeded(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Identity refused a user change: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }

    private bool IsSelf(TrustFundUser user) => _users.GetUserId(User) == user.Id.ToString();

    private async Task SendInvitationAsync(TrustFundUser user, List<string> roles)
    {
        var inviter = await _users.GetUserAsync(User);
        var token = await _users.GeneratePasswordResetTokenAsync(user);
        _outbox.Enqueue(_emails.Invitation(user, inviter?.DisplayName ?? _text["A TrustFund administrator"], roles, _links.AcceptInvitation(user.Id, token)));
    }

    private async Task<Dictionary<Guid, IReadOnlyList<string>>> RolesByUserAsync(Guid? userId, CancellationToken cancellationToken)
    {
        var pairs = await (
            from userRole in _db.UserRoles.AsNoTracking()
            join role in _db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where userId == null || userRole.UserId == userId
            select new { userRole.UserId, Role = role.Name! }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)Ordered(g.Select(p => p.Role)));
    }

    private async Task<IActionResult> DetailWithErrorsAsync(Guid id, CancellationToken cancellationToken, string? reason = null)
    {
        _db.ChangeTracker.Clear();
        var model = await DetailAsync(id, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        model.Reason = reason;
        return View(nameof(Detail), model);
    }

    private async Task<UserDetailModel?> DetailAsync(Guid id, CancellationToken cancellationToken)
    {
        var user = await _db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var organisation = user.OrganisationId is { } organisationId
            ? await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            : null;
        var roles = await RolesByUserAsync(id, cancellationToken);
        var entityId = id.ToString();
        var history = await _db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "User" && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence)
            .Take(25)
            .Select(e => new UserHistoryRow(e.OccurredAtUtc, e.ActorName, e.Action, e.Summary))
            .ToListAsync(cancellationToken);
        var now = _clock.GetUtcNow();
        return new UserDetailModel
        {
            Id = user.Id,
            Name = user.DisplayName,
            Email = user.Email ?? string.Empty,
            OrganisationName = organisation?.LegalName,
            OrganisationCountry = organisation?.CountryOfRegistration,
            OrganisationStatus = organisation?.Status,
            Roles = roles.TryGetValue(id, out var held) ? held : [],
            AssignableRoles = AssignableRoles(user),
            State = State(user.IsActive, user.EmailConfirmed, user.PasswordHash is not null),
            CreatedAtUtc = user.CreatedAtUtc,
            LastSignInAtUtc = user.LastSignInAtUtc,
            LockedOutUntil = user.LockoutEnd > now ? user.LockoutEnd : null,
            IsSelf = IsSelf(user),
            History = history,
        };
    }
}
