using TrustFund.Application.Payments;

namespace TrustFund.Web.Features.Payments;

/// <summary>A grant's payments page: what it shows, and the finance officer's ledger forms as last typed.</summary>
public sealed record PaymentsPage(PaymentsView View, RefundInput Refund, CorrectionInput Correction, WriteOffInput WriteOff);
