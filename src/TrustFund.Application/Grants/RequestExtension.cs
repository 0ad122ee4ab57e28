using FluentValidation;
using TrustFund.Application.Accounts;
using TrustFund.Application.Common;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// The grantee or a fund manager asks for a no-cost extension: a later end date, with the reason. One
/// extension at a time waits for a fund manager's decision.
/// </summary>
public sealed record RequestExtension(Guid GrantId, Guid? Version, DateOnly? NewEndDate, string? Reason) : IUseCase<Guid>;

internal sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.NewEndDate).NotNull().WithMessage("Enter the new end date, such as 2027-03-31.");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for the extension.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class RequestExtensionHandler : IUseCaseHandler<RequestExtension, Guid>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestExtensionHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    /// <returns>The amendment's id.</returns>
    public async Task<Guid> HandleAsync(RequestExtension request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.RequestAmendment, cancellationToken);
        if (grant.PendingAmendments.FirstOrDefault(a => a.Kind == AmendmentKind.NoCostExtension && a.NewEndDate == request.NewEndDate && a.Reason == request.Reason?.Trim()) is { } same)
        {
            return same.Id;
        }

        _db.ExpectVersion(grant, request.Version);
        var amendment = grant.RequestExtension(request.NewEndDate!.Value, request.Reason!, _actor.Name ?? "unknown", GrantSides.Of(_actor), _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return amendment.Id;
    }
}

/// <summary>Which side of a grant the current actor asks for an amendment from.</summary>
internal static class GrantSides
{
    public static RequestingSide Of(ICurrentActor actor) =>
        actor.User.IsInRole(Roles.FundManager) ? RequestingSide.FundManager : RequestingSide.Grantee;
}
