namespace TrustFund.Web.Features.TwoFactor;

/// <summary>The two-factor settings page.</summary>
public sealed record TwoFactorStatusModel(bool Enabled, bool Required, int RecoveryCodesLeft);

/// <summary>The enrolment page: the QR code, the same key as text, and the confirmation form.</summary>
public sealed record EnrolmentModel(string QrCodeDataUri, string ReadableKey, bool Required, AuthenticatorCodeInput Input);

/// <summary>Recovery codes, shown once right after they are made.</summary>
public sealed record RecoveryCodesModel(IReadOnlyList<string> Codes, bool JustEnrolled);
