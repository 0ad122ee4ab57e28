namespace TrustFund.Application.Accounts;

/// <summary>The site's absolute addresses written into account emails (the web layer knows the site's address).</summary>
public interface IAccountLinks
{
    /// <summary>The link that confirms the user's email address with <paramref name="token"/>.</summary>
    string ConfirmEmail(Guid userId, string token);

    /// <summary>The link to choose a new password with <paramref name="token"/>.</summary>
    string ResetPassword(Guid userId, string token);

    /// <summary>The link where an invited person chooses their password with <paramref name="token"/>.</summary>
    string AcceptInvitation(Guid userId, string token);

    string SignIn();

    string ForgotPassword();

    string ResendConfirmation();
}
