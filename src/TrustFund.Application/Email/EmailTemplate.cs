namespace TrustFund.Application.Email;

/// <summary>
/// An email's subject and plain-text body in English, with <c>{0}</c>-style placeholders. Both are
/// localization keys: <see cref="Mail"/> translates them into the recipient's language before filling
/// in the placeholders.
/// </summary>
public sealed record EmailTemplate(string Subject, string Body);
