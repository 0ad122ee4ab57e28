using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;

namespace TrustFund.Application.Users;

/// <summary>
/// The administrators' list of users, by name, optionally only those holding <see cref="Role"/> and
/// those whose name, email address or organisation contains <see cref="Query"/> (ignoring case and accents).
/// </summary>
public sealed record ListUsers(string? Query, string? Role, int Page) : IUseCase<UserList>
{
    public const int PageSize = 50;
}

/// <summary>One page of users and the filter that chose them (an unknown role is no filter).</summary>
public sealed record UserList(Page<UserRow> Page, string? Query, string? Role);

/// <summary>One user in the list.</summary>
public sealed record UserRow(
    Guid Id,
    string Name,
    string Email,
    string? Organisation,
    IReadOnlyList<string> Roles,
    AccountState State,
    DateTime? LastSignInAtUtc);

internal sealed class ListUsersHandler : IUseCaseHandler<ListUsers, UserList>
{
    private const CompareOptions Loosely = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;
    private readonly ITrustFundDb _db;

    public ListUsersHandler(ITrustFundDb db)
    {
        _db = db;
    }

    public async Task<UserList> HandleAsync(ListUsers request, CancellationToken cancellationToken)
    {
        var text = request.Query?.Trim();
        var role = Roles.All.FirstOrDefault(r => r == request.Role);
        var users = _db.Users.AsNoTracking();
        if (role is not null)
        {
            var holders = from userRole in _db.UserRoles
                          join r in _db.Roles on userRole.RoleId equals r.Id
                          where r.Name == role
                          select userRole.UserId;
            users = users.Where(u => holders.Contains(u.Id));
        }

        var rows = from u in users
                   join o in _db.Organisations.AsNoTracking() on u.OrganisationId equals o.Id into organisations
                   from o in organisations.DefaultIfEmpty()
                   select new
                   {
                       u.Id,
                       Name = u.DisplayName,
                       Email = u.Email ?? string.Empty,
                       Organisation = o == null ? null : o.LegalName,
                       u.IsActive,
                       u.EmailConfirmed,
                       HasPassword = u.PasswordHash != null,
                       u.LastSignInAtUtc,
                   };

        if (!string.IsNullOrEmpty(text))
        {
            // Names come in every script and "lucia" should find "Lucía", which no engine's LIKE does
            // the same way: the words are matched here, on the three columns only; the page is read below.
            var candidates = await rows.Select(r => new { r.Id, r.Name, r.Email, r.Organisation }).ToListAsync(cancellationToken);
            var compare = CultureInfo.InvariantCulture.CompareInfo;
            bool Matches(string? value) => value is not null && compare.IndexOf(value, text, Loosely) >= 0;
            var ids = candidates.Where(c => Matches(c.Name) || Matches(c.Email) || Matches(c.Organisation)).Select(c => c.Id).ToList();
            rows = rows.Where(r => ids.Contains(r.Id));
        }

        var page = await rows.OrderBy(r => r.Name).ThenBy(r => r.Email).ThenBy(r => r.Id)
            .ToPageAsync(new PageRequest(request.Page, ListUsers.PageSize), cancellationToken);
        var roles = await RolesOfAsync(_db, [.. page.Items.Select(r => r.Id)], cancellationToken);
        var items = page.Items.Select(u => new UserRow(
            u.Id,
            u.Name,
            u.Email,
            u.Organisation,
            roles.TryGetValue(u.Id, out var held) ? held : [],
            TrustFundUser.StateOf(u.IsActive, u.EmailConfirmed, u.HasPassword),
            u.LastSignInAtUtc)).ToList();
        return new UserList(new Page<UserRow>(items, page.Number, page.Size, page.Total), text, role);
    }

    /// <summary>The roles of each of <paramref name="userIds"/>, in the order roles are shown.</summary>
    internal static async Task<Dictionary<Guid, IReadOnlyList<string>>> RolesOfAsync(ITrustFundDb db, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken)
    {
        var pairs = await (
            from userRole in db.UserRoles.AsNoTracking()
            join role in db.Roles.AsNoTracking() on userRole.RoleId equals role.Id
            where userIds.Contains(userRole.UserId)
            select new { userRole.UserId, Role = role.Name! }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.UserId).ToDictionary(g => g.Key, g => (IReadOnlyList<string>)TrustFundUser.Ordered(g.Select(p => p.Role)));
    }
}
