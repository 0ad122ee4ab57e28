using FluentValidation;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Application.Email;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Organisations;

/// <summary>The Secretariat suspends a verified organisation, with a reason emailed to its members: it cannot apply until verified again.</summary>
public sealed record SuspendOrganisation(Guid OrganisationId, Guid? Version, string? Reason) : IUseCase<DecisionTaken>;

internal sealed class SuspendOrganisationValidator : AbstractValidator<SuspendOrganisation>
{
    public SuspendOrganisationValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for suspending the organisation: it is sent to the organisation.");
    }
}

internal sealed class SuspendOrganisationHandler : IUseCaseHandler<SuspendOrganisation, DecisionTaken>
{
    /// <summary>The email to the members: 0 organisation, 1 reason.</summary>
    public static readonly EmailTemplate Notice = new(
        "{0} is suspended on TrustFund",
        "Hello,\n\nThe fund's Secretariat has suspended {0}. Your organisation cannot submit applications until it is verified again.\n\nReason: {1}\n\nTrustFund");

    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly Mail _mail;
    private readonly TimeProvider _clock;

    public SuspendOrganisationHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, Mail mail, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _mail = mail;
        _clock = clock;
    }

    public Task<DecisionTaken> HandleAsync(SuspendOrganisation request, CancellationToken cancellationToken) =>
        new OrganisationDecision(_db, _access, _audit, _mail, _clock).TakeAsync(
            request.OrganisationId, request.Version, OrganisationStatus.Suspended, AuditActions.OrganisationSuspended, Notice, (o, now) => o.Suspend(request.Reason!, now), cancellationToken);
}
