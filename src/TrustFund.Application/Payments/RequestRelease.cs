using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Application.GranteeReports;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Payments;

/// <summary>
/// A fund manager requests an instalment's release. Every condition must be met or overridden with a
/// written justification (an unmet condition without one is listed and blocks the request); manual
/// conditions are met when the fund manager confirms them. Conditions are named by their position in
/// the instalment's list, as the page shows them.
/// </summary>
public sealed record RequestRelease(
    Guid GrantId,
    Guid InstalmentId,
    IReadOnlyList<int> ConfirmedConditions,
    IReadOnlyList<ConditionJustification> Overrides) : IUseCase<ReleaseRequested>, IRetryOnCollision
{
    public bool MayRetryAfter(Collision collision) => collision.Kind == CollisionKind.SerializationFailure;
}

/// <summary>Why the release may go ahead without the condition at <see cref="ConditionIndex"/>.</summary>
public sealed record ConditionJustification(int ConditionIndex, string? Justification);

/// <summary>The instalment's number, and whether it was already requested by the same person (a second press).</summary>
public sealed record ReleaseRequested(int Number, bool AlreadyRequested);

internal sealed class RequestReleaseValidator : AbstractValidator<RequestRelease>
{
    public RequestReleaseValidator()
    {
        RuleForEach(x => x.Overrides).ChildRules(o => o.RuleFor(x => x.Justification).MaximumLength(Grant.TextMaxLength)
            .WithText("Write each justification in at most {0:N0} characters.", Grant.TextMaxLength))
            .OverridePropertyName("Overrides");
    }
}

internal sealed class RequestReleaseHandler : IUseCaseHandler<RequestRelease, ReleaseRequested>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestReleaseHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    public async Task<ReleaseRequested> HandleAsync(RequestRelease request, CancellationToken cancellationToken)
    {
        var organisationId = await LockedGrant.OrganisationOfAsync(_db, request.GrantId, cancellationToken);
        await _access.EnsureAsync(new PaymentAccess(organisationId), PaymentOperations.Release);
        await using var locked = await LockedGrant.OpenAsync(_db, request.GrantId, cancellationToken);
        var grant = locked.Grant;
        var instalment = grant.Instalments.FirstOrDefault(i => i.Id == request.InstalmentId) ?? throw new NotFoundException();
        var userId = _actor.UserId ?? throw new NotFoundException();
        if (instalment.Status == InstalmentStatus.Requested && instalment.RequestedById == userId)
        {
            return new ReleaseRequested(instalment.Number, AlreadyRequested: true);
        }

        if (instalment.Status != InstalmentStatus.Planned)
        {
            throw InstalmentWords.AlreadyMoved(instalment);
        }

        var problems = new List<RuleViolation>();
        ReleaseCondition? At(int index)
        {
            if (index >= 0 && index < instalment.Conditions.Count)
            {
                return instalment.Conditions[index];
            }

            problems.Add(new RuleViolation("Conditions", "A condition you answered is not one of this instalment's: open the page again."));
            return null;
        }

        var confirmed = request.ConfirmedConditions.Distinct().Select(At).OfType<ReleaseCondition>()
            .Where(c => c.Kind == ReleaseConditionKind.Manual).Select(c => c.Text).ToList();
        var overrides = request.Overrides
            .Where(o => !string.IsNullOrWhiteSpace(o.Justification))
            .Select(o => At(o.ConditionIndex) is { } condition ? new ConditionOverride(condition, o.Justification!) : null)
            .OfType<ConditionOverride>()
            .ToList();
        RulesViolatedException.ThrowIfAny(problems);

        await BankVerification.CatchUpAsync(_db, grant, cancellationToken);
        var facts = await ReportFacts.ForReleaseAsync(_db, grant, instalment.Id, confirmed, cancellationToken);
        grant.RequestRelease(instalment.Id, facts, overrides, userId, _actor.Name ?? "system", locked.OpenConcerns, _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        await locked.CommitAsync(cancellationToken);
        return new ReleaseRequested(instalment.Number, AlreadyRequested: false);
    }
}
