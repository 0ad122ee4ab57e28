using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.Common;
using TrustFund.Domain.GranteeReports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>A grant's payments page: the schedule, the ledger and the balance.</summary>
public sealed record ShowPayments(Guid GrantId) : IUseCase<PaymentsView>;

/// <summary>
/// The schedule (amounts, planned dates, conditions met or not, status), the ledger in the order it
/// was written, the balance, and for Secretariat staff the concerns blocking payment and what they
/// may do. The grantee's members see their own grant without the staff's notes.
/// </summary>
public sealed record PaymentsView(
    GrantSummary Grant,
    IReadOnlyList<InstalmentRow> Instalments,
    IReadOnlyList<LedgerEntry> Ledger,
    Money Refunded,
    Money WrittenOff,
    IReadOnlyList<LocalText> OpenConcerns,
    bool StaffView,
    bool MaySettle)
{
    /// <summary>The entries a correction may name: payments and refunds.</summary>
    public IEnumerable<LedgerEntry> Correctable => Ledger.Where(e => e.Kind is LedgerEntryKind.Payment or LedgerEntryKind.Refund);
}

/// <summary>One instalment of the schedule with its conditions.</summary>
public sealed record InstalmentRow(Instalment Instalment, IReadOnlyList<ConditionState> Conditions);

internal sealed class ShowPaymentsHandler : IUseCaseHandler<ShowPayments, PaymentsView>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;

    public ShowPaymentsHandler(ITrustFundDb db, RecordAccess access)
    {
        _db = db;
        _access = access;
    }

    public async Task<PaymentsView> HandleAsync(ShowPayments request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        var resource = new PaymentAccess(organisationId);
        await _access.EnsureAsync(resource, PaymentOperations.View);
        var staff = await _access.AllowsAsync(resource, PaymentOperations.Follow);
        var grant = await _db.Grants.AsNoTracking().SingleAsync(g => g.Id == request.GrantId, cancellationToken);
        var organisation = await _db.Organisations.AsNoTracking().SingleAsync(o => o.Id == organisationId, cancellationToken);
        var bankVerified = BankVerification.IsVerified(grant, organisation.Bank);
        var reports = await ReportFacts.ReportsAsync(_db, grant.Id, cancellationToken);
        var concerns = staff ? await OpenConcerns.DescribeAsync(_db, organisationId, cancellationToken) : [];
        return new PaymentsView(
            ShowInstalmentHandler.Summary(grant, organisation.LegalName, bankVerified),
            [.. grant.Instalments.Select(i => new InstalmentRow(i, ConditionState.Of(grant, i, ReportConditions.Facts(grant, i.Id, reports, []), bankVerified)))],
            grant.Ledger,
            grant.Refunded,
            grant.WrittenOff,
            concerns,
            staff,
            await _access.AllowsAsync(resource, PaymentOperations.Settle));
    }
}
