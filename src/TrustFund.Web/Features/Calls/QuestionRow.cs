using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>A clarification question as the Secretariat sees it (with the asking organisation).</summary>
public sealed record QuestionRow(ClarificationQuestion Question, string OrganisationName);
