using TrustFund.Application.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>A call's public page and the question form as the applicant filled it.</summary>
public sealed record PublicCallModel(PublicCall Page, QuestionInput Input);
