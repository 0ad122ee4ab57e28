using TrustFund.Domain.Organisations;

namespace TrustFund.Web.Features.Users;

/// <summary>Where an account stands.</summary>
public enum AccountState
{
    Active,
    InvitationPending,
    EmailNotConfirmed,
    Deactivated,
}

public sealed record UserRow(
    Guid Id,
    string Name,
    string Email,
    string? Organisation,
    IReadOnlyList<string> Roles,
    AccountState State,
    DateTime? LastSignInAtUtc);

public sealed record UserListModel(
    string? Query,
    string? Role,
    IReadOnlyList<UserRow> Rows,
    int Total,
    int Page,
    int PageCount);

public sealed record UserHistoryRow(DateTime OccurredAtUtc, string? Actor, string Action, string Summary);

/// <summary>One user's page; <see cref="Reason"/> holds the deactivation form's input when it comes back with an error.</summary>
public sealed class UserDetailModel
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

    public string? Reason { get; set; }
}

/// <summary>A group of role checkboxes.</summary>
public sealed record RoleCheckboxesModel(IReadOnlyList<string> Choices, IReadOnlyCollection<string> Selected, string Legend, string? Hint);
