using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>
/// The Secretariat records that it checked an organisation's bank account, as the page showed it; the
/// organisation's open grants count the details as verified for their payments from then on.
/// </summary>
public sealed record VerifyBankDetails(Guid OrganisationId, Guid? Version) : IUseCase<DecisionTaken>;

internal sealed class VerifyBankDetailsHandler : IUseCaseHandler<VerifyBankDetails, DecisionTaken>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly IAuditTrail _audit;
    private readonly TimeProvider _clock;

    public VerifyBankDetailsHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, IAuditTrail audit, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _audit = audit;
        _clock = clock;
    }

    /// <returns>The organisation's name, and whether the details were already verified.</returns>
    public async Task<DecisionTaken> HandleAsync(VerifyBankDetails request, CancellationToken cancellationToken)
    {
        await _access.EnsureAsync(new OrganisationAccess(request.OrganisationId), OrganisationOperations.Verify);
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == request.OrganisationId, cancellationToken) ?? throw new NotFoundException();
        if (organisation.Bank is { Verified: true })
        {
            return new DecisionTaken(organisation.LegalName, AlreadyInStatus: true);
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        organisation.VerifyBankDetails(_actor.Name ?? "system", now);
        _db.ExpectVersion(organisation, request.Version);
        var grants = await _db.Grants
            .Where(g => g.OrganisationId == organisation.Id && g.Status != GrantStatus.Closed && !g.BankDetailsVerified)
            .ToListAsync(cancellationToken);
        foreach (var grant in grants)
        {
            grant.RecordBankDetailsVerified(_actor.Name ?? "system", now);
            _audit.Record(AuditActions.GrantBankDetailsVerified, $"Bank details of {organisation.LegalName} verified for the payments of grant {grant.Number}", nameof(Grant), grant.Id.ToString());
        }

        _audit.Record(AuditActions.OrganisationBankVerified, $"Bank details of {organisation.LegalName} verified ({organisation.Bank!.AccountHolder}, account ending {LastFour(organisation.Bank.AccountNumber)})", nameof(Organisation), organisation.Id.ToString());
        await _db.SaveChangesAsync(cancellationToken);
        return new DecisionTaken(organisation.LegalName, AlreadyInStatus: false);
    }

    // The audit trail is append-only: an account number written there could never be removed.
    private static string LastFour(string accountNumber) =>
        accountNumber.Length <= 4 ? "****" : accountNumber[^4..];
}
