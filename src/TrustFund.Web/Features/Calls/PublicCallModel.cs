using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>
/// A call's public page: its terms and published answers for everyone; for a signed-in applicant also
/// their own organisation's questions and the form to ask one.
/// </summary>
public sealed record PublicCallModel(
    Call Call,
    IReadOnlyList<ClarificationQuestion> PublishedAnswers,
    IReadOnlyList<ClarificationQuestion> OwnQuestions,
    bool IsApplicant,
    DateTime NowUtc,
    QuestionInput Input);
