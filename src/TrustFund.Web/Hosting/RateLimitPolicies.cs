namespace TrustFund.Web.Hosting;

/// <summary>
/// Names of the rate-limit policies; put <see cref="RateLimitedAttribute"/> with one of them on a POST action (or, for documents, a GET).
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in and two-factor code forms: per account (the form's Email, or the pending two-factor user) and per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Forms that send email or create accounts (registration, password reset, resend confirmation): per client address.</summary>
    public const string AccountEmails = "account-emails";

    /// <summary>File uploads: per signed-in user.</summary>
    public const string Uploads = "uploads";

    /// <summary>Generated documents (PDFs), GET requests included: per signed-in user.</summary>
    public const string Documents = "documents";
}
