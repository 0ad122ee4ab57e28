using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>A call as fund managers see it: terms, applications per status and clarification questions.</summary>
public sealed record CallDetailsModel(Call Call, IReadOnlyDictionary<string, int> ApplicationCounts, IReadOnlyList<QuestionRow> Questions, DateTime NowUtc)
{
    public int ApplicationTotal => ApplicationCounts.Values.Sum();
}
