using TrustFund.Domain.Calls.Events;
using TrustFund.Domain.Common;

namespace TrustFund.Domain.Calls;

/// <summary>
/// A question an applicant organisation asks about a published call, and the Secretariat's answer.
/// Published answers are shown to everyone without the asker's identity or organisation. A published
/// answer is never rewritten without trace: the earlier texts are kept and shown as amended.
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

    /// <summary>Earlier texts of a published answer that was amended, oldest first.</summary>
    public IReadOnlyList<AnswerRevision> EarlierAnswers { get; private set; } = [];

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

        var asked = new ClarificationQuestion
        {
            CallId = call.Id,
            OrganisationId = organisationId,
            AskedByUserId = userId,
            AskedBy = askedBy,
            AskedAtUtc = nowUtc,
            Question = RequireText(question, nameof(Question), "Enter your question."),
        };
        asked.Raise(new ClarificationAsked(asked.Id, call.Id, organisationId));
        return asked;
    }

    /// <summary>
    /// Writes or rewrites the Secretariat's answer. A published answer stays published with the new
    /// text, and its earlier text is kept (shown as amended, with the date). Returns false when the
    /// text is the one already saved (nothing changes).
    /// </summary>
    public bool AnswerWith(string answer, string answeredBy, DateTime nowUtc)
    {
        var text = RequireText(answer, nameof(Answer), "Enter the answer.");
        if (string.Equals(text, Answer, StringComparison.Ordinal))
        {
            return false;
        }

        var amends = IsPublished && Answer is not null;
        if (amends)
        {
            EarlierAnswers = [.. EarlierAnswers, new AnswerRevision(Answer!, AnsweredAtUtc ?? PublishedAtUtc!.Value, AnsweredBy ?? string.Empty, nowUtc)];
        }

        Answer = text;
        AnsweredBy = answeredBy;
        AnsweredAtUtc = nowUtc;
        Raise(new ClarificationAnswered(Id, CallId, amends));
        return true;
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
        Raise(new ClarificationPublished(Id, CallId));
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
            throw new RulesViolatedException([new RuleViolation(field, new LocalText("Use {0:N0} characters or fewer.", TextMaxLength))]);
        }

        return trimmed;
    }
}
