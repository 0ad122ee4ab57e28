using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The Secretariat verifies an organisation: it may apply to open calls. Its members are told by email.</summary>
public sealed record VerifyOrganisation(Guid OrganisationId, Guid? Version) : IUseCase<DecisionTaken>;

internal sealed class VerifyOrganisationHandler : IUseCaseHandler<VerifyOrganisation, DecisionTaken>
{
    /// <summary>The email to the members: 0 organisation.</summary>
    public static readonly EmailTemplate Notice = new(
        "{0} is verified on TrustFund",
        "Hello,\n\nThe fund's Secretariat has verified {0}. Your organisation can now submit applications to open calls.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly TimeProvider _clock;

    public VerifyOrganisationHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, Mail mail, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _mail = mail;
        _clock = clock;
    }

    public Task<DecisionTaken> HandleAsync(VerifyOrganisation request, CancellationToken cancellationToken) =>
        new OrganisationDecision(_db, _access, _audit, _mail, _clock).TakeAsync(
            request.OrganisationId, request.Version, OrganisationStatus.Verified, AuditActions.OrganisationVerified, Notice, (o, now) => o.Verify(now), cancellationToken);
}
