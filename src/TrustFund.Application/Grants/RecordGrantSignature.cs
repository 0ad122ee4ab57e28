using System.Globalization;
using FluentValidation;
using TrustFund.Application.Audit;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>Which party signed the grant agreement.</summary>
public enum SigningParty
{
    Fund,
    Organisation,
}

/// <summary>
/// A fund manager records the date one party signed the grant agreement (not in the future); once both
/// have signed, the grant is active. Recording the same date again changes nothing.
/// </summary>
public sealed record RecordGrantSignature(Guid GrantId, Guid? Version, SigningParty? Party, DateOnly? SignedOn) : IUseCase<GrantStatus>;

internal sealed class RecordGrantSignatureValidator : AbstractValidator<RecordGrantSignature>
{
    public RecordGrantSignatureValidator()
    {
        RuleFor(x => x.Party).NotNull().IsInEnum().WithMessage("Choose who signed: the fund or the organisation.");
        RuleFor(x => x.SignedOn).NotNull().WithMessage("Enter the date of the signature, such as 2026-06-01.");
    }
}

internal sealed class RecordGrantSignatureHandler : IUseCaseHandler<RecordGrantSignature, GrantStatus>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly IAuditTrail _audit;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RecordGrantSignatureHandler(ITrustFundDb db, RecordAccess access, IAuditTrail audit, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _audit = audit;
        _actor = actor;
        _clock = clock;
    }

    /// <returns>The grant's status after the signature.</returns>
    public async Task<GrantStatus> HandleAsync(RecordGrantSignature request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        var fund = request.Party == SigningParty.Fund;
        if ((fund ? grant.FundSignedOn : grant.OrganisationSignedOn) == request.SignedOn)
        {
            return grant.Status;
        }

        _db.ExpectVersion(grant, request.Version);
        var who = _actor.Name ?? "unknown";
        var now = _clock.GetUtcNow().UtcDateTime;
        if (fund)
        {
            grant.RecordFundSignature(request.SignedOn!.Value, who, now);
        }
        else
        {
            grant.RecordOrganisationSignature(request.SignedOn!.Value, who, now);
        }

        _audit.Record(
            AuditActions.GrantSignatureRecorded,
            string.Create(CultureInfo.InvariantCulture, $"Grant {grant.Number}: signed by the {(fund ? "fund" : "organisation")} on {request.SignedOn:yyyy-MM-dd}"),
            nameof(Grant),
            grant.Id.ToString("D", CultureInfo.InvariantCulture));
        await _db.SaveChangesAsync(cancellationToken);
        return grant.Status;
    }
}
