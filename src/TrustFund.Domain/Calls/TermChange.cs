namespace TrustFund.Domain.Calls;

/// <summary>One term of a call changed by an amendment: its name in <see cref="CallTerms"/> and its value before and after, as invariant text.</summary>
public sealed record TermChange(string Term, string Before, string After);
