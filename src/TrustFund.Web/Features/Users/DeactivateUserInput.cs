using System.ComponentModel.DataAnnotations;

namespace TrustFund.Web.Features.Users;

/// <summary>Why an administrator deactivates an account; kept in the audit trail (its rules: <see cref="Application.Users.DeactivateUser"/>).</summary>
public sealed class DeactivateUserInput
{
    [Display(Name = "Reason for deactivating")]
    public string? Reason { get; set; }
}
