using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// A fund manager suspends an active grant, with a reason: no instalment is released or paid until it
/// is resumed. The organisation is told by email. Suspending a suspended grant changes nothing (a form sent twice).
/// </summary>
public sealed record SuspendGrant(Guid GrantId, Guid? Version, string? Reason) : IUseCase<Done>;

internal sealed class SuspendGrantValidator : AbstractValidator<SuspendGrant>
{
    public SuspendGrantValidator()
    {
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for suspending the grant.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class SuspendGrantHandler : IUseCaseHandler<SuspendGrant, Done>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public SuspendGrantHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<Done> HandleAsync(SuspendGrant request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.Manage, cancellationToken);
        if (grant.Status == GrantStatus.Suspended)
        {
            return Done.Value;
        }

        _db.ExpectVersion(grant, request.Version);
        grant.Suspend(request.Reason!, _actor.Name ?? "unknown", _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return Done.Value;
    }
}
