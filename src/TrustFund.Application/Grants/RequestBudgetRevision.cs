using FluentValidation;
using TrustFund.Application.Common;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Grants;

/// <summary>
/// The grantee or a fund manager asks for a budget revision: new lines, with the reason. The total
/// stays the current budget's, or becomes the grant's amount (after an approval for less than the
/// request); a higher total raises the grant, which the fund manager's approval must allow. One
/// revision at a time waits for a decision.
/// </summary>
public sealed record RequestBudgetRevision(Guid GrantId, Guid? Version, IReadOnlyList<BudgetLine> Lines, string? Reason) : IUseCase<Guid>;

internal sealed class RequestBudgetRevisionValidator : AbstractValidator<RequestBudgetRevision>
{
    public RequestBudgetRevisionValidator()
    {
        RuleFor(x => x.Lines).Must(l => l.Count <= GrantApplication.MaximumBudgetLines)
            .WithText("A budget has at most {0} lines.", GrantApplication.MaximumBudgetLines);
        RuleFor(x => x.Reason).NotEmpty().WithMessage("Give the reason for the budget revision.")
            .MaximumLength(Grant.TextMaxLength).WithText("Write at most {0:N0} characters.", Grant.TextMaxLength);
    }
}

internal sealed class RequestBudgetRevisionHandler : IUseCaseHandler<RequestBudgetRevision, Guid>
{
    private readonly ITrustFundDb _db;
    private readonly RecordAccess _access;
    private readonly ICurrentActor _actor;
    private readonly TimeProvider _clock;

    public RequestBudgetRevisionHandler(ITrustFundDb db, RecordAccess access, ICurrentActor actor, TimeProvider clock)
    {
        _db = db;
        _access = access;
        _actor = actor;
        _clock = clock;
    }

    /// <returns>The amendment's id.</returns>
    public async Task<Guid> HandleAsync(RequestBudgetRevision request, CancellationToken cancellationToken)
    {
        var grant = await GrantReading.LoadAsync(_db, _access, request.GrantId, GrantOperations.RequestAmendment, cancellationToken);
        if (grant.PendingAmendments.FirstOrDefault(a => a.Kind == AmendmentKind.BudgetRevision && a.Reason == request.Reason?.Trim() && a.NewBudget.SequenceEqual(request.Lines)) is { } same)
        {
            return same.Id;
        }

        _db.ExpectVersion(grant, request.Version);
        var amendment = grant.RequestBudgetRevision(request.Lines, request.Reason!, _actor.Name ?? "unknown", GrantSides.Of(_actor), _clock.GetUtcNow().UtcDateTime);
        await _db.SaveChangesAsync(cancellationToken);
        return amendment.Id;
    }
}
