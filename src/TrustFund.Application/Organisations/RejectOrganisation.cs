using FluentValidation;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The Secretariat rejects an organisation's registration, with a reason emailed to its members.</summary>
public sealed record RejectOrganisation(Guid OrganisationId, Guid? Version, string? Reason) : IUseCase<DecisionTaken>;

internal sealed class RejectOrganisationValidator : AbstractValidator<RejectOrganisation>
{
    public RejectOrganisationValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for rejecting the organisation: it is sent to the organisation.");
    }
}

internal sealed class RejectOrganisationHandler : IUseCaseHandler<RejectOrganisation, DecisionTaken>
{
    /// <summary>The email to the members: 0 organisation, 1 reason.</summary>
    public static readonly EmailTemplate Notice = new(
        "The registration of {0} on TrustFund was not accepted",
        "Hello,\n\nThe fund's Secretariat could not verify {0}.\n\nReason: {1}\n\nReply to the Secretariat if you can provide what is missing.\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly TimeProvider _clock;

    public RejectOrganisationHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, Mail mail, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _mail = mail;
        _clock = clock;
    }

    public Task<DecisionTaken> HandleAsync(RejectOrganisation request, CancellationToken cancellationToken) =>
        new OrganisationDecision(_db, _access, _audit, _mail, _clock).TakeAsync(
            request.OrganisationId, request.Version, OrganisationStatus.Rejected, AuditActions.OrganisationRejected, Notice, (o, now) => o.Reject(request.Reason!, now), cancellationToken);
}
