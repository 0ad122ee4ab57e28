namespace TrustFund.Domain.Applications;

/// <summary>One rule of submission, with the section and field it concerns and whether it is met.</summary>
public sealed record SubmissionCheck(ApplicationSection Section, string Field, string Message, bool Passed);
