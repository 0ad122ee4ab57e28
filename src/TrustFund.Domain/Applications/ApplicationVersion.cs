namespace TrustFund.Domain.Applications;

/// <summary>An immutable copy of the content as it was submitted (first submission, then each resubmission).</summary>
public sealed class ApplicationVersion
{
    private ApplicationVersion()
    {
        Content = null!;
        SubmittedBy = string.Empty;
    }

    public ApplicationVersion(Guid applicationId, int number, ProposalContent content, DateTime submittedAtUtc, string submittedBy)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Number = number;
        Content = content;
        SubmittedAtUtc = submittedAtUtc;
        SubmittedBy = submittedBy;
    }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>1 for the first submission, then 2, 3... for each resubmission.</summary>
    public int Number { get; private set; }

    public ProposalContent Content { get; private set; }

    public DateTime SubmittedAtUtc { get; private set; }

    public string SubmittedBy { get; private set; }
}
