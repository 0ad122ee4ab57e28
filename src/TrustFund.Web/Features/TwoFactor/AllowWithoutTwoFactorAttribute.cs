namespace TrustFund.Web.Features.TwoFactor;

/// <summary>
/// Marks the few actions a user who must use two-factor sign-in may reach before enrolling
/// (enrolment itself, signing out, error pages).
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, Inherited = false)]
public sealed class AllowWithoutTwoFactorAttribute : Attribute;
