using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls;

/// <summary>
/// A question an applicant organisation asks about a published call, and the Secretariat's answer.
/// Published answers are shown to everyone without the asker's identity or organisation.
/// </summary>
public sealed class ClarificationQuestion : AggregateRoot
{
    public const int TextMaxLength = 4_000;

    private ClarificationQuestion()
    {
        Question = string.Empty;
        AskedBy = string.Empty;
    }

    public Guid CallId { get; private set; }

    /// <summary>The organisation that asked; never shown publicly.</summary>
    public Guid OrganisationId { get; private set; }

    public Guid AskedByUserId { get; private set; }

    /// <summary>Display name of the person who asked, for the Secretariat only.</summary>
    public string AskedBy { get; private set; }

    public DateTime AskedAtUtc { get; private set; }

    public string Question { get; private set; }

    public string? Answer { get; private set; }

    public DateTime? AnsweredAtUtc { get; private set; }

    public string? AnsweredBy { get; private set; }

    /// <summary>Set when the answer is made public; it cannot be withdrawn silently after.</summary>
    public DateTime? PublishedAtUtc { get; private set; }

    public bool IsPublished => PublishedAtUtc is not null;

    /// <summary>Asks a question about <paramref name="call"/>; refused after the call's clarification deadline.</summary>
    public static ClarificationQuestion Ask(Call call, Guid organisationId, Guid userId, string askedBy, string question, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (!call.AcceptsQuestionsAt(nowUtc))
        {
            throw new DomainException(
                "clarification.closed",
                call.Status == CallStatus.Published
                    ? "The deadline for clarification questions on this call has passed."
                    : "This call does not accept clarification questions.");
        }

        return new ClarificationQuestion
        {
            CallId = call.Id,
            OrganisationId = organisationId,
            AskedByUserId = userId,
            AskedBy = askedBy,
            AskedAtUtc = nowUtc,
            Question = RequireText(question, nameof(Question), "Enter your question."),
        };
    }

    /// <summary>Writes or rewrites the Secretariat's answer. A published answer stays published with the new text.</summary>
    public void AnswerWith(string answer, string answeredBy, DateTime nowUtc)
    {
        Answer = RequireText(answer, nameof(Answer), "Enter the answer.");
        AnsweredBy = answeredBy;
        AnsweredAtUtc = nowUtc;
    }

    /// <summary>Makes the answer visible to everyone; a question without an answer cannot be published.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (Answer is null)
        {
            throw new DomainException("clarification.no-answer", "Write an answer before publishing it.");
        }

        if (PublishedAtUtc is not null)
        {
            throw new DomainException("clarification.already-published", "This answer is already published.");
        }

        PublishedAtUtc = nowUtc;
    }

    private static string RequireText(string? text, string field, string emptyMessage)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new RulesViolatedException([new RuleViolation(field, emptyMessage)]);
        }

        if (trimmed.Length > TextMaxLength)
        {
            throw new RulesViolatedException([new RuleViolation(field, $"Use {TextMaxLength:N0} characters or fewer.")]);
        }

        return trimmed;
    }
}
