namespace TrustFund.Domain.GranteeReports;

/// <summary>Something in a text that looks like personal data.</summary>
/// <param name="Field">The field it was found in.</param>
/// <param name="Kind">What it looks like.</param>
/// <param name="MaskedExcerpt">The text found, masked so the finding itself does not repeat the personal data.</param>
/// <param name="Start">Where it starts in the field's text (for pointing at it).</param>
/// <param name="Length">How long it is in the field's text.</param>
public sealed record PersonalDataFinding(string Field, PersonalDataKind Kind, string MaskedExcerpt, int Start, int Length);
