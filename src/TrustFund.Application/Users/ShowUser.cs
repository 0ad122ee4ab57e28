using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Users;

/// <summary>One user's page for administrators: who they are, their roles, their state and their latest history.</summary>
public sealed record ShowUser(Guid UserId) : IUseCase<UserDetail>
{
    public const int HistoryLength = 25;
}

/// <summary>One user, as administrators see them.</summary>
public sealed record UserDetail
{
    public required Guid Id { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    public string? OrganisationName { get; init; }

    public string? OrganisationCountry { get; init; }

    public OrganisationStatus? OrganisationStatus { get; init; }

    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>Roles this user may hold: Secretariat roles for staff, the applicant role for NGO staff.</summary>
    public required IReadOnlyList<string> AssignableRoles { get; init; }

    public required AccountState State { get; init; }

    public required DateTime CreatedAtUtc { get; init; }

    public DateTime? LastSignInAtUtc { get; init; }

    public DateTimeOffset? LockedOutUntil { get; init; }

    /// <summary>The administrator is looking at their own account.</summary>
    public required bool IsSelf { get; init; }

    public required IReadOnlyList<UserHistoryRow> History { get; init; }
}

/// <summary>An audit entry about the user.</summary>
public sealed record UserHistoryRow(DateTime OccurredAtUtc, string? Actor, string Action, string Summary);

internal sealed class ShowUserHandler : IUseCaseHandler<ShowUser, UserDetail>
{
    private readonly ITrustFundDb _db;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public ShowUserHandler(ITrustFundDb db, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    public async Task<UserDetail> HandleAsync(ShowUser request, CancellationToken cancellationToken)
    {
        var user = await _db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == request.UserId, cancellationToken)
            ?? throw new NotFoundException();
        var organisation = user.OrganisationId is { } organisationId
            ? await _db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            : null;
        var roles = await ListUsersHandler.RolesOfAsync(_db, [user.Id], cancellationToken);
        var entityId = user.Id.ToString();
        var history = await _db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "User" && e.EntityId == entityId)
            .OrderByDescending(e => e.Sequence)
            .Take(ShowUser.HistoryLength)
            .Select(e => new UserHistoryRow(e.OccurredAtUtc, e.ActorName, e.Action, e.Summary))
            .ToListAsync(cancellationToken);
        return new UserDetail
        {
            Id = user.Id,
            Name = user.DisplayName,
            Email = user.Email ?? string.Empty,
            OrganisationName = organisation?.LegalName,
            OrganisationCountry = organisation?.CountryOfRegistration,
            OrganisationStatus = organisation?.Status,
            Roles = roles.TryGetValue(user.Id, out var held) ? held : [],
            AssignableRoles = user.AssignableRoles,
            State = user.State,
            CreatedAtUtc = user.CreatedAtUtc,
            LastSignInAtUtc = user.LastSignInAtUtc,
            LockedOutUntil = user.LockoutEnd > _clock.GetUtcNow() ? user.LockoutEnd : null,
            IsSelf = _actor.UserId == user.Id,
            History = history,
        };
    }
}
