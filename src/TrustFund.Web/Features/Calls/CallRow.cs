using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>One call in the fund managers' list, with how many applications it holds.</summary>
public sealed record CallRow(Guid Id, string Code, string Title, CallStatus Status, DateTime OpensAtUtc, DateTime ClosesAtUtc, string TimeZoneId, int Drafts, int Submitted);
