using TrustFund.Domain.Calls;

namespace TrustFund.Domain.Applications;

/// <summary>An assistance type the project offers, with how it will be delivered.</summary>
public sealed record AssistanceActivity(AssistanceType Type, string Description);
