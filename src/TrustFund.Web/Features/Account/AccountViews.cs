namespace TrustFund.Web.Features.Account;

/// <summary>The account pages, shared by the account controllers (which are named after their sub-feature, not the folder).</summary>
internal static class AccountViews
{
    public const string Login = "~/Features/Account/Login.cshtml";
    public const string LoginWith2fa = "~/Features/Account/LoginWith2fa.cshtml";
    public const string LoginWithRecoveryCode = "~/Features/Account/LoginWithRecoveryCode.cshtml";
    public const string Register = "~/Features/Account/Register.cshtml";
    public const string CheckEmail = "~/Features/Account/CheckEmail.cshtml";
    public const string EmailConfirmed = "~/Features/Account/EmailConfirmed.cshtml";
    public const string ResendConfirmation = "~/Features/Account/ResendConfirmation.cshtml";
    public const string ForgotPassword = "~/Features/Account/ForgotPassword.cshtml";
    public const string ResetPassword = "~/Features/Account/ResetPassword.cshtml";
    public const string ChangePassword = "~/Features/Account/ChangePassword.cshtml";
    public const string AcceptInvitation = "~/Features/Account/AcceptInvitation.cshtml";
    public const string LinkInvalid = "~/Features/Account/LinkInvalid.cshtml";
}
