namespace TrustFund.Application.Audit;

/// <summary>Names of audited actions, kept in one place so the log can be filtered reliably.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "account.sign-in.succeeded";
    public const string SignInFailed = "account.sign-in.failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string SignedOutEverywhere = "account.signed-out-everywhere";
    public const string Registered = "account.registered";
    public const string RegistrationWithExistingEmail = "account.registration-existing-email";
    public const string EmailConfirmed = "account.email-confirmed";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorRequired = "account.sign-in.code-required";
    public const string TwoFactorEnabled = "account.two-factor.enabled";
    public const string TwoFactorDisabled = "account.two-factor.disabled";
    public const string TwoFactorReset = "account.two-factor.reset";
    public const string TwoFactorFailed = "account.two-factor.failed";
    public const string RecoveryCodesGenerated = "account.two-factor.recovery-codes-generated";
    public const string RecoveryCodeUsed = "account.two-factor.recovery-code-used";
    public const string UserInvited = "user.invited";
    public const string InvitationAccepted = "user.invitation-accepted";
    public const string RolesChanged = "user.roles-changed";
    public const string UserDeactivated = "user.deactivated";
    public const string UserReactivated = "user.reactivated";
    public const string PermissionDenied = "security.permission-denied";
    public const string EntityCreated = "entity.created";
    public const string EntityChanged = "entity.changed";
    public const string EntityDeleted = "entity.deleted";
    public const string ChainVerified = "audit.chain-verified";
    public const string CallPublished = "call.published";
    public const string CallClosed = "call.closed";
    public const string CallDeleted = "call.deleted";
    public const string CallDeadlineChanged = "call.deadline-changed";
    public const string ClarificationAsked = "call.clarification-asked";
    public const string ClarificationAnswered = "call.clarification-answered";
    public const string ClarificationPublished = "call.clarification-published";
    public const string OrganisationProfileUpdated = "organisation.profile-updated";
    public const string OrganisationBankChanged = "organisation.bank-changed";
    public const string OrganisationBankVerified = "organisation.bank-verified";
    public const string OrganisationDocumentUploaded = "organisation.document-uploaded";
    public const string OrganisationDocumentRemoved = "organisation.document-removed";
    public const string OrganisationMemberInvited = "organisation.member-invited";
    public const string OrganisationMemberRemoved = "organisation.member-removed";
    public const string OrganisationVerified = "organisation.verified";
    public const string OrganisationRejected = "organisation.rejected";
    public const string OrganisationSuspended = "organisation.suspended";
    public const string ApplicationInformationRequested = "application.information-requested";
    public const string ScreeningGatesConfirmed = "application.screening.gates-confirmed";
    public const string ScreenedEligible = "application.screening.eligible";
    public const string ScreenedIneligible = "application.screening.ineligible";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationResubmitted = "application.resubmitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string ApplicationDocumentAdded = "application.document-added";
    public const string ApplicationDocumentRemoved = "application.document-removed";
}
