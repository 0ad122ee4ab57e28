namespace TrustFund.Application.Audit;

/// <summary>Names of audited actions, kept in one place so the log can be filtered reliably.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "account.sign-in.succeeded";
    public const string SignInFailed = "account.sign-in.failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email-confirmed";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string UserInvited = "user.invited";
    public const string RolesChanged = "user.roles-changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string PermissionDenied = "security.permission-denied";
    public const string EntityCreated = "entity.created";
    public const string EntityChanged = "entity.changed";
    public const string EntityDeleted = "entity.deleted";
    public const string ChainVerified = "audit.chain-verified";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationResubmitted = "application.resubmitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string ApplicationDocumentAdded = "application.document-added";
    public const string ApplicationDocumentRemoved = "application.document-removed";
}
