namespace TrustFund.Domain.Calls;

/// <summary>An earlier text of a published answer: what it said, when it was written and by whom, and when it was replaced.</summary>
public sealed record AnswerRevision(string Text, DateTime AnsweredAtUtc, string AnsweredBy, DateTime ReplacedAtUtc);
