using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>The public list: calls open (or about to open) and calls closed recently.</summary>
public sealed record OpenCallsModel(IReadOnlyList<Call> Open, IReadOnlyList<Call> RecentlyClosed, DateTime NowUtc);
