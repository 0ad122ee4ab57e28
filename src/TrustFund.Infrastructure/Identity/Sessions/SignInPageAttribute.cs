namespace TrustFund.Infrastructure.Identity.Sessions;

/// <summary>
/// Marks a sign-in page (the form and each of its steps). There the session the browser holds is not
/// used, so a sign-in always starts a new session with a new key, and the held session ends with it:
/// a session cookie planted in someone's browser is never turned into their session.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class SignInPageAttribute : Attribute
{
}
