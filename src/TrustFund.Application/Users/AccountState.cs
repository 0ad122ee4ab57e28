namespace TrustFund.Application.Users;

/// <summary>Where an account stands.</summary>
public enum AccountState
{
    Active,
    InvitationPending,
    EmailNotConfirmed,
    Deactivated,
}
