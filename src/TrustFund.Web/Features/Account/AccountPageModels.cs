namespace TrustFund.Web.Features.Account;

/// <summary>Which emailed link a page is about.</summary>
public enum EmailLinkKind
{
    EmailConfirmation,
    PasswordReset,
    Invitation,
}

/// <summary>Why the "check your email" page is shown.</summary>
public enum CheckEmailReason
{
    Registered,
    ConfirmationRequested,
    PasswordResetRequested,
}

/// <summary>The "check your email" page: the same whether or not an account exists for the address.</summary>
public sealed record CheckEmailModel(string Email, CheckEmailReason Reason);

/// <summary>The page shown for an expired, used or forged link.</summary>
public sealed record LinkInvalidModel(EmailLinkKind Kind);

/// <summary>The page shown once an email address is confirmed.</summary>
public sealed record EmailConfirmedModel(bool AlreadyConfirmed);
