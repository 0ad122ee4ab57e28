using TrustFund.Application.Users;

namespace TrustFund.Web.Features.Users;

/// <summary>One user's page; <see cref="Reason"/> holds the deactivation form's input when it comes back with an error.</summary>
public sealed class UserDetailModel
{
    public UserDetailModel(UserDetail user, string? reason = null)
    {
        User = user;
        Reason = reason;
    }

    public UserDetail User { get; }

    public string? Reason { get; set; }
}

/// <summary>A group of role checkboxes.</summary>
public sealed record RoleCheckboxesModel(IReadOnlyList<string> Choices, IReadOnlyCollection<string> Selected, string Legend, string? Hint);
