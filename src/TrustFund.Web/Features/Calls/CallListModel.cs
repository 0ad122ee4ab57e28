using TrustFund.Domain.Calls;

namespace TrustFund.Web.Features.Calls;

/// <summary>The fund managers' list of calls: one page, the status filter and the count per status.</summary>
public sealed record CallListModel(IReadOnlyList<CallRow> Rows, IReadOnlyDictionary<CallStatus, int> Counts, CallStatus? Status, int Page, bool HasNextPage);
