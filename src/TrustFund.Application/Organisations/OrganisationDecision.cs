using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>What a verification decision did: the organisation's name, and whether it already had that status (nothing changed).</summary>
public sealed record DecisionTaken(string LegalName, bool AlreadyInStatus);

/// <summary>
/// The common path of the Secretariat's verification decisions (verify, reject, suspend): the move on
/// the aggregate, on the version the page showed, audited, and emailed to every active member.
/// </summary>
internal sealed class OrganisationDecision
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly TimeProvider _clock;

    public OrganisationDecision(ITrustFundDb db, RecordAccess access, IAuditTrail audit, Mail mail, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _mail = mail;
        _clock = clock;
    }

    public async Task<DecisionTaken> TakeAsync(
        Guid organisationId, Guid? version, OrganisationStatus target, string auditAction, EmailTemplate notice, Action<Organisation, DateTime> move, CancellationToken cancellationToken)
    {
        await _access.EnsureAsync(new OrganisationAccess(organisationId), OrganisationOperations.Verify);
        var organisation = await _db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) ?? throw new NotFoundException();
        if (organisation.Status == target)
        {
            // A repeated click: the organisation already has this status.
            return new DecisionTaken(organisation.LegalName, AlreadyInStatus: true);
        }

        move(organisation, _clock.GetUtcNow().UtcDateTime);
        _db.ExpectVersion(organisation, version);
        _audit.Record(auditAction, $"{organisation.LegalName}: {target}{(organisation.StatusReason is { } reason ? $" – {reason}" : string.Empty)}", nameof(Organisation), organisation.Id.ToString());
        _mail.Send(notice, await Recipients.OfOrganisationAsync(_db, organisation.Id, cancellationToken), organisation.LegalName, organisation.StatusReason);
        await _db.SaveChangesAsync(cancellationToken);
        return new DecisionTaken(organisation.LegalName, AlreadyInStatus: false);
    }
}
